import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SITE_MANIFEST } from '../../pipeline/publish/out-folder.ts';
import { lockPathOf, withPublishLock } from '../../pipeline/publish/publish-lock.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ATOMIC = resolve(ROOT, 'pipeline/publish/atomic.ts');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearken-concurrent-'));
  await mkdir(join(root, 'input'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * A publisher in a process of its own, as a second `hearken run` would be: it builds a whole site
 * (every file carries its token) slowly enough that the builds overlap, then swaps it in.
 */
function publisher(out: string, token: string, db: string): Promise<number | null> {
  const script = `
    import { register } from 'tsx/esm/api';
    register();
    const { publishAtomically } = await import(${JSON.stringify(ATOMIC)});
    const { mkdir, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const token = ${JSON.stringify(token)};
    const pause = () => new Promise((r) => setTimeout(r, Math.random() * 40));
    await publishAtomically(${JSON.stringify(out)}, {
      guard: { inputDir: ${JSON.stringify(join(root, 'input'))}, dbPath: ${JSON.stringify(db)} },
      language: 'en', runId: token, generatedAt: '2025-03-03T06:00:00+07:00', lockTimeoutMs: 60000,
    }, async (dir) => {
      for (const file of ['index.html', 'warnings.json', 'run-summary.json']) { await writeFile(join(dir, file), token); await pause(); }
      await mkdir(join(dir, 'data'));
      await writeFile(join(dir, 'data', 'feedback.csv'), token);
    });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

describe('publishers into one --out at once', () => {
  it('always leave one whole site, whichever wins, and nothing beside it', async () => {
    const out = join(root, 'site');
    for (let round = 0; round < 4; round++) {
      const tokens = Array.from({ length: 4 }, (_, i) => `run-${round}-${i}`);
      const codes = await Promise.all(tokens.map((token) => publisher(out, token, join(root, `${token}.duckdb`))));
      expect(codes).toEqual([0, 0, 0, 0]);
      const manifest = JSON.parse(readFileSync(join(out, SITE_MANIFEST), 'utf8'));
      expect(tokens).toContain(manifest.run_id);
      expect(manifest.files).toEqual(['data/feedback.csv', 'index.html', 'run-summary.json', 'warnings.json']);
      // one site: every file written by the run the manifest names
      for (const file of manifest.files) expect(readFileSync(join(out, file), 'utf8')).toBe(manifest.run_id);
      expect((await readdir(root)).sort()).toEqual(['input', 'site']);
    }
  }, 120_000);
});

describe('the publish lock', () => {
  it('holds a publisher back from the swap while another holds the folder', async () => {
    const out = join(root, 'site');
    expect(await publisher(out, 'first', join(root, 'a.duckdb'))).toBe(0);
    const second = await withPublishLock(out, { language: 'en', timeoutMs: 1000 }, async () => {
      const exited = publisher(out, 'second', join(root, 'b.duckdb'));
      await new Promise((r) => setTimeout(r, 3000));
      expect(JSON.parse(readFileSync(join(out, SITE_MANIFEST), 'utf8')).run_id).toBe('first');
      return { exited };
    });
    expect(await second.exited).toBe(0);
    expect(JSON.parse(readFileSync(join(out, SITE_MANIFEST), 'utf8')).run_id).toBe('second');
  }, 60_000);

  it('breaks a lock whose process is dead, and waits for a live one up to its timeout', async () => {
    const out = join(root, 'site');
    // pid 2^22 + 1 is above Linux's pid_max: never a live process
    await writeFile(lockPathOf(out), JSON.stringify({ pid: 4194305, host: hostname(), token: 'dead' }));
    expect(await withPublishLock(out, { language: 'en', timeoutMs: 1000 }, async () => 'ran')).toBe('ran');
    expect(existsSync(lockPathOf(out))).toBe(false);

    const started = Date.now();
    const inner = withPublishLock(out, { language: 'en', timeoutMs: 50_000 }, async () => {
      await expect(withPublishLock(out, { language: 'en', timeoutMs: 600 }, async () => 'never')).rejects.toThrow(
        new RegExp(`^another hearken run \\(process ${process.pid} on .+\\) is publishing into .+site; waited 1 s: try again when it has finished$`),
      );
      return 'held';
    });
    expect(await inner).toBe('held');
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(existsSync(lockPathOf(out))).toBe(false);
  });
});
