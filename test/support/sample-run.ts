import { mkdir } from 'node:fs/promises';
import { normalizeConfig } from '../../pipeline/config.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import { run } from '../../pipeline/run.ts';
import { builtOnce } from './built-once.ts';
import { workspaceAt, type Workspace } from './workspace.ts';

/** The day after the shipped sample's data ends. */
export const SAMPLE_NOW = new Date('2026-11-16T08:00:00+08:00');

/**
 * The shipped sample run as `npm start` runs it (its default input, in English), on the day after
 * its data ends: built once per test run, by the first test file that asks. Its workspace is
 * shared: a test takes `workspace.copy()` for a warehouse and site of its own.
 */
export async function sampleRun(): Promise<{ workspace: Workspace; summary: RunSummary }> {
  const { dir, value } = await builtOnce('sample-run', async (root) => {
    const workspace = workspaceAt(root);
    // the input is the shipped sample (the config's default), not the workspace's own folder
    await mkdir(workspace.input);
    const config = normalizeConfig({ db: workspace.db, out: workspace.out, lang: 'en' });
    return (await run(config, silentProgress, SAMPLE_NOW)).summary;
  });
  return { workspace: workspaceAt(dir), summary: value };
}
