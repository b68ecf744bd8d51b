import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { capture } from '../support/captured-io.ts';

/** The command as people run it: `node bin/hearken.js` is what `npm start` and `npx hearken` call. */
const BIN = resolve(import.meta.dirname, '../../bin/hearken.js');
const hearken = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });

/**
 * The same command in this process: what `bin/hearken.js` runs, with the process's exit code
 * returned and its output captured. A process of its own costs about 1.5 CPU-s before `main`
 * starts, so each way out of a process (help, a usage error, a run) is spawned once and the rest
 * of what they print is checked here.
 */
async function hearkenHere(...argv: string[]) {
  const { out, err, io } = capture();
  const status = await main(argv, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** A usage error: exit 2, one line on stderr, no stack. */
function expectUsageError(result: { status: number | null; stderr: string }, args: string[]): void {
  expect(result.status, args.join(' ')).toBe(2);
  expect(result.stderr.trim().split('\n').filter((line) => !line.startsWith('npm warn'))).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

// a scratch folder: these tests need paths, not a workspace's pipeline helpers
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearken-cli-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('hearken on the command line', () => {
  it('prints help for the program and for run, exit 0', async () => {
    const help = hearken('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('run [options]');
    const runHelp = await hearkenHere('run', '--help');
    expect(runHelp.status).toBe(0);
    expect(runHelp.stdout).toContain('--as-of <date>');
  });

  it('speaks the language asked for', async () => {
    expect((await hearkenHere('--help', '--lang', 'vi')).stdout).toContain('Phân tích ý kiến người bệnh');
    expect((await hearkenHere('--help', '--lang', 'zh')).stdout).toContain('医院患者反馈分析与预警');
  });

  it('exits 2 with one line on a usage error, without a stack', async () => {
    const [spawned, ...here] = [['frobnicate'], ['run', '--input', join(root, 'missing')], ['run', '--as-of', 'tomorrow'], ['run', '--lang', 'fr']];
    expectUsageError(hearken(...spawned!), spawned!);
    for (const args of here) expectUsageError(await hearkenHere(...args), args);
  });

  it('runs, prints the summary and writes the outputs, exit 0', async () => {
    const [input, db, out] = [join(root, 'input'), join(root, 'warehouse.duckdb'), join(root, 'out')];
    await mkdir(input);
    await writeFile(join(input, 'a.csv'), 'id,received_at,department,text\n1,2025-01-02 08:00,急诊科,排队太久\n2,2025-01-03,急诊科,\n');
    const result = hearken('run', '--input', input, '--db', db, '--out', out, '--lang', 'en', '--as-of', '2025-01-08', '--timezone', 'Etc/UTC');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('a.csv [loaded] 2 read, 1 loaded, 0 duplicates, 1 quarantined (text is empty: 1)');
    const summary = JSON.parse(readFileSync(join(out, 'run-summary.json'), 'utf8'));
    expect(summary).toMatchObject({ as_of: '2025-01-08', totals: { rows_read: 2, loaded: 1, duplicates: 0, quarantined: 1 } });
    expect(summary.files[0]).toMatchObject({ quarantine_reasons: { 'text is empty': 1 }, quarantine_reason_codes: { text_empty: 1 } });
    // the complaint of Thursday 2 January is still open on Wednesday 8 January: due Tuesday 7 January
    // (3 working days), so it passed its due date that day, 1 working day overdue (Etc/UTC has no
    // holiday calendar: Monday to Friday); the warning is due the next working day
    expect(JSON.parse(readFileSync(join(out, 'warnings.json'), 'utf8'))).toMatchObject({
      as_of: '2025-01-08',
      warnings: [{
        kind: 'sla_breach', department: '急诊科', status: 'new', observed: 1, evidence_ids: ['1'], due_date: '2025-01-09',
        summary: 'Complaint 1 of 急诊科: due 2025-01-07, working days overdue: 1 (escalation step 1); answers for it: the department head.',
      }],
    });
  });
});
