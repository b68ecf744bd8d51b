import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTask, createRecordAnalyzer, taskSlices, type AnalyzeTask, type TextSetup } from '../pipeline/text/analyze.ts';
import { workerFlags, WorkerPool } from '../pipeline/workers.ts';

const NOTHING_LEARNED: TextSetup = { chineseWords: [], vietnamese: { collocations: [], wordCounts: [] }, englishPhrases: [] };

describe('worker threads', () => {
  it('leave out the module loaders a process was started with, and keep its other flags', () => {
    const tsx = ['--require', '/p/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///p/node_modules/tsx/dist/loader.mjs'];
    expect(workerFlags(tsx)).toEqual([]);
    expect(workerFlags(['--cpu-prof', ...tsx, '--max-old-space-size=4096'])).toEqual(['--cpu-prof', '--max-old-space-size=4096']);
    expect(workerFlags(['--import=tsx', '--experimental-loader', 'x.mjs', '-r', 'y.cjs', '--enable-source-maps'])).toEqual(['--enable-source-maps']);
  });

  it('run the text stage compiled: each thread writes the lines the analyzer writes on the main thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-workers-'));
    const pool = await WorkerPool.start<AnalyzeTask, void>(new URL('../pipeline/text/analyze-worker.ts', import.meta.url), 2, NOTHING_LEARNED);
    try {
      const textsFile = join(dir, 'texts.json');
      const records = [
        { seq: 1, text: '挂号窗口排队太久', fallback: 'zh' },
        { seq: 2, text: 'Nhà vệ sinh bẩn quá', fallback: null },
        { seq: 3, text: 'The toilets were dirty and smelly', fallback: 'en' },
      ];
      writeFileSync(textsFile, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
      const tasks = taskSlices(readFileSync(textsFile), 2).map(({ start, end }, index) => ({ textsFile, start, end, analysisFile: join(dir, `${index}.tsv`) }));
      await Promise.all(tasks.map((task) => pool.run(task)));
      const threads = tasks.map((task) => readFileSync(task.analysisFile, 'utf8'));
      expect(threads[0]!.split('\n')[0]).toBe('1\tzh\tprocess\t挂号窗口\u001f排队\u001f太久\t');
      const analyze = createRecordAnalyzer(NOTHING_LEARNED);
      const mainThread = tasks.map((task) => {
        analyseTask(analyze, { ...task, analysisFile: join(dir, 'main.tsv') });
        return readFileSync(join(dir, 'main.tsv'), 'utf8');
      });
      expect(threads).toEqual(mainThread);
      expect(threads.join('').split('\n').map((line) => line.split('\t').slice(0, 2).join(' '))).toEqual(['1 zh', '2 vi', '3 en', '']);
      await expect(pool.run({ textsFile: join(dir, 'missing.json'), start: 0, end: 1, analysisFile: join(dir, 'x.tsv') })).rejects.toThrow(/ENOENT/);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
