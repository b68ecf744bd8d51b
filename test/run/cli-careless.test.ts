import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { terminalProgress } from '../../pipeline/progress.ts';
import { capture } from '../support/captured-io.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/** Anything but a line end that a terminal would act on rather than show. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Runs `main` with its output captured. */
async function hearken(...argv: string[]) {
  const { out, err, io } = capture();
  const status = await main(argv, io);
  return { status, out: out.join(''), err: err.join('') };
}

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

describe('usage errors a careless user makes: exit 2, one printable line, nothing else', () => {
  const expectUsageError = (result: Awaited<ReturnType<typeof hearken>>, pattern: RegExp) => {
    expect(result.status).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.endsWith('\n')).toBe(true);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err).not.toMatch(RAW_CONTROL);
    expect(result.err).toMatch(pattern);
  };

  it.each(['2026-13-45', '2024-02-30', '2025-02-29', '2025-04-31', '2025-00-10', '20250101', '2025-1-1', 'yesterday'])(
    '--as-of %s is not a date that exists',
    async (date) => {
      const result = await hearken('run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--lang', 'en', '--as-of', date);
      expectUsageError(result, /--as-of must be a date YYYY-MM-DD, not /);
      expect(existsSync(ws.db)).toBe(false);
    },
  );

  it('--as-of after today, in the reader\'s language, before the warehouse is opened', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const wording = {
      en: `--as-of 2999-12-31 is after today (${today}); give a day up to today`,
      zh: `--as-of 2999-12-31 晚于今天（${today}）；请给出不晚于今天的日期`,
      vi: `--as-of 2999-12-31 ở sau hôm nay (${today}); hãy đưa một ngày không muộn hơn hôm nay`,
    };
    for (const lang of ['en', 'zh', 'vi'] as const) {
      const result = await hearken('run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--lang', lang, '--timezone', 'Etc/UTC', '--as-of', '2999-12-31');
      expectUsageError(result, new RegExp(`^hearken: ${wording[lang].replace(/[()（）]/g, '.')}\n$`));
    }
    expect(existsSync(ws.db)).toBe(false);
  });

  it.each([
    ['--from', '2026-02-30', '2026-03-30'],
    ['--to', '2026-01-05', '2026-13-01'],
  ])('backtest %s with a date that does not exist', async (name, from, to) => {
    const result = await hearken('backtest', '--input', ws.input, '--from', from, '--to', to, '--out', join(ws.root, 'w.json'), '--lang', 'en');
    expectUsageError(result, new RegExp(`${name} must be a date YYYY-MM-DD, not `));
  });

  it('checks the input folder before it opens the warehouse', async () => {
    const result = await hearken('run', '--input', join(ws.root, 'missing'), '--db', ws.db, '--out', ws.out, '--lang', 'en');
    expectUsageError(result, /input folder .*missing does not exist/);
    expect(existsSync(ws.db)).toBe(false);
    const backtest = await hearken('backtest', '--input', join(ws.root, 'missing'), '--from', '2025-01-06', '--to', '2025-01-13', '--out', join(ws.root, 'w.json'), '--db', ws.db);
    expectUsageError(backtest, /input folder .*missing does not exist/);
    expect(existsSync(ws.db)).toBe(false);
  });

  it('shows an option refused by the parser escaped, on one line', async () => {
    expectUsageError(await hearken('run', '--inptu\u001b[2J', 'x'), /unknown option '--inptu\\x1b\[2J'/);
  });
});

describe('settings files that are not settings: named, never quoted', () => {
  const secret = 'root:x:0:0:PATIENT-SECRET:/root:/bin/bash\nNguyễn Văn A,0912345678\n';

  it.each([
    ['--mapping', 'passwd'],
    ['--config', 'export.csv'],
    ['--mapping', 'binary.bin'],
  ])('%s %s: the file and the problem, no content', async (option, name) => {
    const file = await ws.write(`../${name}`, name === 'binary.bin' ? Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0, 0xff, ...Buffer.from(secret)]) : secret);
    const result = await hearken('run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--lang', 'en', option, file);
    expect(result.status).toBe(2);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err).toContain(name);
    expect(result.err).toMatch(/is not valid JSON/);
    for (const piece of ['root', 'PATIENT', 'SECRET', 'Nguyễn', '0912345678', '/bin/bash']) expect(result.err).not.toContain(piece);
    expect(result.err).not.toMatch(RAW_CONTROL);
  });

  it('gives line and column where the parser knows them', async () => {
    const file = await ws.write('../broken.json', '{\n  "language": "en",\n  oops: 1\n}\n');
    const result = await hearken('run', '--input', ws.input, '--config', file, '--db', ws.db, '--out', ws.out);
    expect(result.status).toBe(2);
    expect(result.err).toContain('broken.json is not valid JSON (line 3, column 3)');
    expect(result.err).not.toContain('oops');
  });

  it('refuses a folder or a FIFO without opening it (a FIFO would block)', async (context) => {
    const folder = join(ws.root, 'settings-folder');
    await mkdir(folder);
    const result = await hearken('run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--mapping', folder);
    expect(result).toMatchObject({ status: 2 });
    expect(result.err).toMatch(/mapping file .*settings-folder is not a file/);
    const fifo = join(ws.root, 'settings.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) context.skip();
    const piped = await hearken('run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--config', fifo);
    expect(piped.status).toBe(2);
    expect(piped.err).toMatch(/config file .*settings\.fifo is not a file/);
  });
});

describe('names from the input folder reach the terminal escaped, one line each', () => {
  it('file names and department names with escape sequences, bidi overrides and newlines', async () => {
    const row = (id: number, department: string) => `${id},2025-01-0${id},${department},排队太久\n`;
    const names = ['red\u001b[31m.csv', 'bell\u0007.csv', 'csi\u009b2J.csv', 'new\nline.csv', 'rlo\u202egnp.csv', 'back\bspace.csv'];
    for (const [index, name] of names.entries()) await ws.write(name, `id,received_at,department,text\n${row(index + 1, index === 0 ? '急诊\u001b]0;owned\u0007科' : '急诊科')}`);
    await ws.write('notes\u001b[2J.md', '# notes');

    const result = await hearken('run', '--input', ws.input, '--db', ws.db, '--out', ws.out, '--lang', 'en', '--as-of', '2025-01-31', '--timezone', 'Asia/Shanghai');
    expect(result.status, result.err).toBe(0);
    expect(result.out).not.toMatch(RAW_CONTROL);
    expect(result.err).not.toMatch(RAW_CONTROL);
    const lines = result.out.split('\n');
    // one summary line per file, each whole
    expect(lines.filter((line) => line.includes('[loaded]'))).toHaveLength(names.length);
    expect(lines).toContain('  new\\nline.csv [loaded] 1 read, 1 loaded, 0 duplicates, 0 quarantined');
    expect(lines).toContain('  red\\x1b[31m.csv [loaded] 1 read, 1 loaded, 0 duplicates, 0 quarantined');
    expect(lines).toContain('  rlo\\u202egnp.csv [loaded] 1 read, 1 loaded, 0 duplicates, 0 quarantined');
    expect(result.out).toContain('急诊\\x1b]0;owned\\x07科');
    expect(result.out).toContain('Not read (1): notes\\x1b[2J.md (not a table)');
  });

  it('progress lines on a pipe are escaped too', () => {
    let written = '';
    const stream = { isTTY: false, write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
    terminalProgress(stream).info('the warehouse /data/a\u001b[2J\nb.duckdb is in use; waiting');
    expect(written).toBe('the warehouse /data/a\\x1b[2J\\nb.duckdb is in use; waiting\n');
  });
});
