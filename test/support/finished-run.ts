import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../pipeline/cli.ts';
import { builtOnce } from './built-once.ts';
import { capture } from './captured-io.ts';
import { workspaceAt, type Workspace } from './workspace.ts';

/**
 * A feedback file of `count` complaints: ids `${prefix}0`, `${prefix}1`, …, spread over the days of
 * February 2025, one department, a text that differs by id.
 */
export const feedbackCsv = (prefix: string, count: number): string =>
  ['id,received_at,department,text', ...Array.from({ length: count }, (_, i) => `${prefix}${i},2025-02-${String((i % 28) + 1).padStart(2, '0')} 10:00,急诊科,候诊时间太长 ${prefix} ${i}`)].join('\n');

/**
 * A finished `hearken run --lang en` (the command a user types, run in this process) on `files`
 * feedback files of `rows` rows each (`part-0.csv` with ids `P0-0` …, `part-1.csv` …): the history
 * that the crash and fault tests kill, damage or fill the disk under a later run on. Made once per
 * test run, by the first test file that asks (`builtOnce`), and shared: a test copies its input,
 * warehouse and site (`copy()`, or `cp` into a workspace of its own) and never changes them. Its
 * warehouse is as a finished run leaves it: checkpointed, no log.
 */
export async function finishedRun(files: number, rows: number): Promise<Workspace> {
  const { dir } = await builtOnce(`finished-run-${files}x${rows}`, async (root) => {
    // a folder of its own in the build's: a copy holds only the workspace
    const workspace = workspaceAt(join(root, 'workspace'));
    await mkdir(workspace.input, { recursive: true });
    for (let f = 0; f < files; f++) await workspace.write(`part-${f}.csv`, feedbackCsv(`P${f}-`, rows));
    const { err, io } = capture();
    const code = await main(['run', '--input', workspace.input, '--db', workspace.db, '--out', workspace.out, '--lang', 'en'], io);
    if (code !== 0) throw new Error(`the finished run exited ${code}: ${err.join('')}`);
  });
  return workspaceAt(join(dir, 'workspace'));
}

/** Copies a run's input folder, warehouse and site to a test's own places: its workspace's, or a warehouse or site on another disk. */
export async function copyRun(from: Workspace, to: Pick<Workspace, 'input' | 'db' | 'out'>): Promise<void> {
  await cp(from.input, to.input, { recursive: true });
  await cp(from.db, to.db);
  await cp(from.out, to.out, { recursive: true });
}
