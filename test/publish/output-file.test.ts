import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { writeFileAtomically } from '../../pipeline/publish/output-file.ts';
import { capture } from '../support/captured-io.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearken-output-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function hearken(...args: string[]) {
  const { err, io } = capture();
  const code = await main([...args, '--lang', 'en'], io);
  return { code, stderr: err.join('') };
}

const COUNTS = 'series,period,count\nward,1,3\nward,2,4\n';

describe('hearken detect --out', () => {
  it('refuses the input file (also through a symlink or a hard link), a folder, a device, a FIFO: exit 2, one line, input untouched', async () => {
    const input = join(root, 'counts.csv');
    await writeFile(input, COUNTS);
    await symlink(input, join(root, 'counts-link.csv'));
    await link(input, join(root, 'counts-hard.csv'));
    await mkdir(join(root, 'folder'));
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const cases: [string, RegExp][] = [
      [input, /is the input file/],
      [join(root, 'counts-link.csv'), /is the input file/],
      [join(root, 'counts-hard.csv'), /is the input file/],
      [join(root, 'folder'), /is not a file/],
      ['/dev/null', /is not a file/],
      [join(root, 'pipe'), /is not a file/],
      [join(input, 'alarms.csv'), /lies under .*counts\.csv, which is not a folder/],
    ];
    for (const [out, rule] of cases) {
      const result = await hearken('detect', '--input', input, '--out', out);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toMatch(/^hearken: --out [^\n]+\n$/);
      expect(result.stderr).toMatch(rule);
    }
    expect(readFileSync(input, 'utf8')).toBe(COUNTS);
    expect((await readdir(root)).sort()).toEqual(['counts-hard.csv', 'counts-link.csv', 'counts.csv', 'folder', 'pipe']);
    expect(await readdir(join(root, 'folder'))).toEqual([]);
  });

  it('writes a new file, and replaces an old output whole', async () => {
    const input = join(root, 'counts.csv');
    await writeFile(input, COUNTS);
    const out = join(root, 'alarms.csv');
    // an earlier output of detect: only a file that begins as its output does is replaced
    await writeFile(out, 'series,period,method,count,expected,upperbound,alarm\nold,1,ears_c1,0,,,0\n');
    expect((await hearken('detect', '--input', input, '--out', out, '--method', 'ears_c1')).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('series,period,method,count,expected,upperbound,alarm');
    expect(readFileSync(out, 'utf8')).not.toContain('old');
    expect((await readdir(root)).sort()).toEqual(['alarms.csv', 'counts.csv']);
  });
});

describe('hearken backtest --out and --evaluate', () => {
  it('refuses, before loading anything, a file inside the input folder, a folder, a device', async () => {
    const input = join(root, 'input');
    await mkdir(join(input, 'sub'), { recursive: true });
    await writeFile(join(input, 'a.csv'), 'id,received_at,department,text\n1,2025-01-02,急诊科,排队太久\n');
    const db = join(root, 'w.duckdb');
    const backtest = (...more: string[]) => hearken('backtest', '--input', input, '--from', '2025-01-06', '--to', '2025-01-13', '--db', db, ...more);
    for (const [args, rule] of [
      [['--out', join(input, 'warnings.json')], /^hearken: --out .* lies inside the input folder/],
      [['--out', join(input, 'sub', 'w.json')], /^hearken: --out .* lies inside the input folder/],
      [['--out', join(root, 'w.json'), '--evaluate', join(input, 'e.csv')], /^hearken: --evaluate .* lies inside the input folder/],
      [['--out', join(root, 'w.json'), '--evaluate', root], /^hearken: --evaluate .* is not a file/],
      [['--out', '/dev/null'], /^hearken: --out \/dev\/null exists and is not a file/],
      [['--out', db], /^hearken: --out .*w\.duckdb is the warehouse/],
    ] as [string[], RegExp][]) {
      const result = await backtest(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(rule);
    }
    expect(existsSync(db)).toBe(false);
    expect((await readdir(input)).sort()).toEqual(['a.csv', 'sub']);
  });
});

describe('writeFileAtomically', () => {
  it('leaves the old file whole when the writing fails, and no temporary file', async () => {
    const path = join(root, 'out.csv');
    await writeFile(path, 'old');
    async function* failing() {
      yield 'new first line\n';
      throw new Error('disk full');
    }
    await expect(writeFileAtomically(path, failing())).rejects.toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(await readdir(root)).toEqual(['out.csv']);
    await writeFileAtomically(path, ['a', 'b']);
    expect(readFileSync(path, 'utf8')).toBe('ab');
  });

  it('writes bytes as they are', async () => {
    const path = join(root, 'gb18030.csv');
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0xbc, 0xb1, 0xd5, 0xef, 0x0d, 0x0a]);
    await writeFileAtomically(path, bytes);
    expect([...readFileSync(path)]).toEqual([...bytes]);
    expect(await readdir(root)).toEqual(['gb18030.csv']);
  });
});
