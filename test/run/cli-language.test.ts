// The CLI in the user's language (README, "Messages on the terminal"): commander's own usage
// errors are worded by --lang, else by the locale, one line, exit 2, no stack; and the file
// `backtest --evaluate` writes is guarded as `--out` is.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { DETECTORS } from '../../pipeline/detect/methods.ts';
import { t } from '../../pipeline/i18n.ts';
import { evaluationFileStart } from '../../pipeline/publish/evaluation-file.ts';
import { checkOutputFile } from '../../pipeline/publish/output-file.ts';
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

async function hearken(...argv: string[]) {
  const { out, err, io } = capture();
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Expects exit 2, nothing on stdout and exactly `line` on stderr. */
async function expectUsage(argv: string[], line: string) {
  const result = await hearken(...argv);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`hearken: ${line}\n`);
}

describe("commander's usage errors in the user's language", () => {
  it('an unknown option, with the option it may have meant', async () => {
    await expectUsage(['run', '--inptu', 'x', '--lang', 'zh'], "未知选项 '--inptu'（是否要用 --input？）");
    await expectUsage(['run', '--inptu', 'x', '--lang', 'vi'], "tùy chọn không xác định '--inptu' (có phải ý bạn là --input?)");
    await expectUsage(['run', '--inptu', 'x', '--lang', 'en'], "unknown option '--inptu' (did you mean --input?)");
    await expectUsage(['run', '--frobnicate', '--lang', 'zh'], "未知选项 '--frobnicate'");
  });

  it('a required option left out, an option without its value, a value not among the choices', async () => {
    await expectUsage(['backtest', '--input', ws.input, '--from', '2025-01-06', '--to', '2025-01-13', '--lang', 'vi'], "thiếu tùy chọn bắt buộc '--out <file>'");
    await expectUsage(['detect', '--input', 'counts.csv', '--lang', 'zh', '--out'], "选项 '--out <file>' 缺少参数值");
    await expectUsage(['detect', '--input', 'c.csv', '--out', 'a.csv', '--lang', 'zh', '--method', 'magic'], `选项 '--method <name>' 的参数值 'magic' 无效；可选值为 ${Object.keys(DETECTORS).join(', ')}`);
  });

  it('an unknown command and a stray argument', async () => {
    await expectUsage(['rnu', '--lang', 'vi'], "lệnh không xác định 'rnu' (có phải ý bạn là run?)");
    await expectUsage(['run', 'extra', '--lang', 'zh'], "命令 'run' 的参数过多：应为 0 个，实为 1 个");
  });

  it('the locale decides without --lang, as for help', async () => {
    const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
    try {
      process.env.LC_ALL = 'vi_VN.UTF-8';
      await expectUsage(['run', '--frobnicate'], "tùy chọn không xác định '--frobnicate'");
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('help asked for is no error', async () => {
    const result = await hearken('run', '--help', '--lang', 'zh');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('--input');
  });
});

describe('backtest --evaluate is guarded as --out is', () => {
  const backtest = (...args: string[]) => ['backtest', '--input', ws.input, '--from', '2025-01-06', '--to', '2025-01-13', '--out', join(ws.root, 'w.json'), ...args];
  const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  it("someone's CSV or Markdown is kept byte for byte", async () => {
    const rota = await ws.write('../ward-rota.csv', 'name,shift\nLan,night\n');
    const notes = await ws.write('../notes.md', '# Meeting notes\n');
    const before = [hashOf(rota), hashOf(notes)];
    await expectUsage(backtest('--evaluate', rota, '--lang', 'en'), `--evaluate ${rota} is a file hearken did not write; give a new file name (hearken replaces only a file it wrote)`);
    await expectUsage(backtest('--evaluate', notes, '--lang', 'zh'), `--evaluate ${notes} 是一个不由 hearken 写出的文件；请给出新的文件名（hearken 只替换它自己写出的文件）`);
    expect([hashOf(rota), hashOf(notes)]).toEqual(before);
    expect(existsSync(join(ws.root, 'w.json'))).toBe(false);
  });

  it('the file --out writes, a file in the input folder, the warehouse, a folder', async () => {
    const out = join(ws.root, 'w.json');
    await expectUsage(backtest('--evaluate', out, '--lang', 'en'), `--evaluate ${out} is the file --out writes; give another file`);
    const inside = join(ws.input, 'scores.csv');
    await expectUsage(backtest('--evaluate', inside, '--lang', 'vi'), t('vi', 'file.insideInput', { option: '--evaluate', path: inside, input: ws.input }));
    await expectUsage(backtest('--db', ws.db, '--evaluate', ws.db, '--lang', 'en'), `--evaluate ${ws.db} is the warehouse; give another file to write`);
    await expectUsage(backtest('--evaluate', ws.root, '--lang', 'en'), t('en', 'file.notFile', { option: '--evaluate', path: ws.root }));
    expect(existsSync(out) || existsSync(inside)).toBe(false);
  });

  it("hearken's own evaluation of an earlier run may be replaced, CSV or Markdown in any language", async () => {
    const csv = await ws.write('../scores.csv', 'method,parameter,value\nears_c1,alpha,0.001\n');
    const md = await ws.write('../scores.md', '<!-- hearken: planted-outbreak evaluation -->\n在 4 个科室 × 类别序列中植入模拟暴发……\n');
    for (const path of [csv, md]) await expect(checkOutputFile(path, '--evaluate', { writtenStart: evaluationFileStart(path) }, 'en')).resolves.toBeUndefined();
    // a Markdown file that only looks like a table is someone's
    const theirs = await ws.write('../table.md', '| Method | Setting |\n');
    await expect(checkOutputFile(theirs, '--evaluate', { writtenStart: evaluationFileStart(theirs) }, 'en')).rejects.toMatchObject({ exitCode: 2 });
  });
});
