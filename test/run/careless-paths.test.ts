// A careless user's paths (README, "What hearken refuses and why"): each is refused with exit 2
// and one line in the user's language, and nothing on disk changes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { SITE_MANIFEST } from '../../pipeline/publish/out-folder.ts';
import { capture } from '../support/captured-io.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
  await ws.write('a.csv', 'id,received_at,department,text\n1,2025-01-02 08:00,急诊科,排队太久\n');
});
afterEach(async () => {
  await ws.dispose();
});

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function hearken(...argv: string[]) {
  const { out, err, io } = capture();
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Expects exit 2 with one line on stderr matching `rule`, and nothing printed on stdout. */
async function expectRefused(argv: string[], rule: RegExp) {
  const result = await hearken(...argv);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^hearken: [^\n]+\n$/);
  expect(result.stderr).toMatch(rule);
}

const run = (...args: string[]) => ['run', '--as-of', '2025-01-31', '--timezone', 'Etc/UTC', ...args];

describe('path options that a shell or a slip left wrong', () => {
  it('an empty path never falls back to the default folder, warehouse or sample data', async () => {
    await expectRefused(run('--input', ws.input, '--db', ws.db, '--out', '', '--lang', 'en'), /--out is empty; give a path/);
    await expectRefused(run('--input', '', '--db', ws.db, '--out', ws.out, '--lang', 'zh'), /--input 为空；请给出路径/);
    await expectRefused(run('--input', ws.input, '--db', ' ', '--out', ws.out, '--lang', 'vi'), /--db đang trống; hãy đưa một đường dẫn/);
    await expectRefused(['detect', '--input', '', '--out', join(ws.root, 'x.csv'), '--lang', 'en'], /--input is empty/);
    expect(existsSync(ws.db)).toBe(false);
  });

  it('a ~ the shell did not expand (quoted, or after --out=) makes no folder named ~', async () => {
    await expectRefused(run('--input', ws.input, '--db', ws.db, '--out=~/site', '--lang', 'en'), /--out ~\/site starts with ~, which the shell did not expand/);
    await expectRefused(run('--input', ws.input, '--db', '~', '--out', ws.out, '--lang', 'en'), /--db ~ starts with ~/);
    await expectRefused(['backtest', '--input', ws.input, '--from', '2025-01-06', '--to', '2025-01-13', '--out', '~alice/w.json', '--lang', 'en'], /--out ~alice\/w\.json starts with ~/);
    expect(existsSync('~')).toBe(false);
  });
});

describe('a --db that is not a warehouse', () => {
  it('an export CSV or Parquet file (DuckDB would open it as an in-memory database and keep nothing), an empty file', async () => {
    const csv = await ws.write('../export.csv', 'id,received_at,department,text\n1,2025-01-02,急诊科,x\n');
    const empty = await ws.write('../touched.duckdb', '');
    const notes = await ws.write('../ward-counts.parquet', 'PAR1 not really\n');
    for (const db of [csv, empty, notes]) {
      const before = hashOf(db);
      await expectRefused(run('--input', ws.input, '--db', db, '--out', ws.out, '--lang', 'en'), /exists and is not a DuckDB file/);
      expect(hashOf(db)).toBe(before);
    }
    await expectRefused(run('--input', ws.input, '--db', csv, '--out', ws.out, '--lang', 'zh'), /已存在且不是 DuckDB 文件/);
    expect(existsSync(ws.out)).toBe(false);
  });

  it('a warehouse inside the input folder, for run and backtest', async () => {
    const db = join(ws.input, 'sub', 'w.duckdb');
    await expectRefused(run('--input', ws.input, '--db', db, '--out', ws.out, '--lang', 'en'), /the warehouse .*w\.duckdb lies inside the input folder/);
    await expectRefused(['backtest', '--input', ws.input, '--from', '2025-01-06', '--to', '2025-01-13', '--out', join(ws.root, 'w.json'), '--db', db, '--lang', 'vi'], /nằm trong thư mục đầu vào/);
    expect(existsSync(join(ws.input, 'sub'))).toBe(false);
  });
});

describe('an --input or --out that cannot be used', () => {
  it('an --input that is a file is told as a file, not as missing', async () => {
    await expectRefused(run('--input', join(ws.input, 'a.csv'), '--db', ws.db, '--out', ws.out, '--lang', 'en'), /the input .*a\.csv is not a folder; give the folder that holds the files/);
    await expectRefused(run('--input', join(ws.root, 'missing'), '--db', ws.db, '--out', ws.out, '--lang', 'zh'), /输入文件夹 .*missing 不存在/);
    expect(existsSync(ws.db)).toBe(false);
  });

  it('an --out where nothing can be made is refused before any work', async (context) => {
    if (!existsSync('/proc/self')) context.skip();
    await expectRefused(run('--input', ws.input, '--db', ws.db, '--out', '/proc/hearken-site', '--lang', 'en'), /cannot write into \/proc, the folder of --out \/proc\/hearken-site \(ENOENT\)/);
    expect(existsSync(ws.db)).toBe(false);
  });
});

describe('detect and backtest outputs never replace what hearken did not write', () => {
  const counts = 'series,period,count\na,1,3\na,2,4\na,3,2\n';

  it('someone’s file is kept byte for byte; hearken’s own output is replaced', async () => {
    const input = await ws.write('../counts.csv', counts);
    const theirs = await ws.write('../ward-rota.csv', 'name,shift\nLan,night\n');
    const before = hashOf(theirs);
    await expectRefused(['detect', '--input', input, '--out', theirs, '--lang', 'en'], /ward-rota\.csv is a file hearken did not write/);
    await expectRefused(['backtest', '--input', ws.input, '--from', '2025-01-06', '--to', '2025-01-13', '--out', theirs, '--lang', 'en'], /is a file hearken did not write/);
    expect(hashOf(theirs)).toBe(before);

    const ours = join(ws.root, 'alarms.csv');
    expect((await hearken('detect', '--input', input, '--out', ours, '--method', 'ears_c1')).code).toBe(0);
    const again = await hearken('detect', '--input', input, '--out', ours, '--method', 'ears_c1');
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(ours, 'utf8').split('\n')[0]).toBe('series,period,method,count,expected,upperbound,alarm');
  });

  it('a file inside a published site, new or existing', async () => {
    const input = await ws.write('../counts.csv', counts);
    const site = join(ws.root, 'site');
    await mkdir(join(site, 'data'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<p>site</p>');
    await writeFile(join(site, SITE_MANIFEST), JSON.stringify({ format: 1, generator: 'hearken', run_id: 'r', generated_at: 'g', files: ['index.html'] }));
    const before = hashOf(join(site, 'index.html'));
    await expectRefused(['detect', '--input', input, '--out', join(site, 'data', 'alarms.csv'), '--lang', 'en'], /lies inside the site hearken published at .*site; write it elsewhere/);
    await expectRefused(['backtest', '--input', ws.input, '--from', '2025-01-06', '--to', '2025-01-13', '--out', join(site, 'index.html'), '--lang', 'zh'], /位于 hearken 在 .*site 发布的站点之内/);
    expect(hashOf(join(site, 'index.html'))).toBe(before);
    expect(existsSync(join(site, 'data', 'alarms.csv'))).toBe(false);
  });
});

it('an empty input folder runs to an empty site, exit 0, and says so', async () => {
  await mkdir(join(ws.root, 'empty'));
  const empty = await hearken(...run('--input', join(ws.root, 'empty'), '--db', ws.db, '--out', ws.out, '--lang', 'en'));
  expect(empty.code, empty.stderr).toBe(0);
  expect(empty.stdout).toMatch(/No feedback or survey file was found in the input folder and the warehouse holds no records.*Check --input\./);
  expect(JSON.parse(readFileSync(join(ws.out, 'run-summary.json'), 'utf8'))).toMatchObject({ files: [], totals: { rows_read: 0, loaded: 0 } });
});

describe('settings and reference tables a careless user saves', () => {
  it('a reference table Excel saved as GBK is named, not a bare "CSV Error on Line: 2"', async () => {
    const ref = join(ws.root, 'ref');
    await mkdir(ref);
    // 急诊 in GBK: B4 F3 D5 EF, which is not UTF-8
    await writeFile(join(ref, 'department_owners.csv'), Buffer.concat([Buffer.from('department,head,supervising_leader\nemergency,'), Buffer.from([0xb4, 0xf3, 0xd5, 0xef]), Buffer.from(',x\n')]));
    const config = await ws.write('../c.json', JSON.stringify({ reference_dirs: [ref] }));
    await expectRefused(run('--input', ws.input, '--db', ws.db, '--out', ws.out, '--config', config, '--lang', 'en'), /the reference table .*department_owners\.csv is not UTF-8 .*save it as "CSV UTF-8"/);
    expect(existsSync(ws.out)).toBe(false);
  });

  it.each([
    [{ hosptial: 'A' }, /config file .*c\.json: .*hosptial/],
    [{ cases: { escalation_step: [3] } }, /cases.*escalation_step/],
    [{ cases: { score_weights: { resolution: -1 } } }, /cases\.score_weights\.resolution/],
    [{ cases: { escalation_steps: '3,10' } }, /cases\.escalation_steps/],
  ])('config %j: exit 2 naming the key', async (settings, rule) => {
    const config = await ws.write('../c.json', JSON.stringify(settings));
    await expectRefused(run('--input', ws.input, '--db', ws.db, '--out', ws.out, '--config', config, '--lang', 'en'), rule);
    expect(existsSync(ws.db)).toBe(false);
  });
});
