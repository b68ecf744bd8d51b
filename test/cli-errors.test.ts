// Every error a user can fix is told in their language (zh, vi, en): each message checked in all
// three, through the CLI where a careless user meets it, else through the function that throws it.
// Paths, values and DuckDB's or a statistic's own reasons stay as they are.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBacktest } from '../pipeline/backtest.ts';
import { prepareCalendars } from '../pipeline/calendar.ts';
import { main } from '../pipeline/cli.ts';
import { normalizeConfig, type Language } from '../pipeline/config.ts';
import { openWarehouse, runModel } from '../pipeline/db.ts';
import { evaluatePlantedOutbreaks, PlantedEvaluationError, type PlantedEvaluationOptions, type WeeklySeries } from '../pipeline/detect/planted-evaluation.ts';
import { PipelineError } from '../pipeline/errors.ts';
import { fileErrorText, type FileRejection } from '../pipeline/ingest/file-rejection.ts';
import { t } from '../pipeline/i18n.ts';
import { silentProgress } from '../pipeline/progress.ts';
import { checkShippedCategoryLexicons, parseCategoryLexicon, readCategoryLexiconFile } from '../pipeline/text/category-lexicon.ts';
import { prepareSession } from '../pipeline/warehouse-ingest.ts';
import { readPlantedTruth } from '../pipeline/warnings/planted-truth.ts';
import { capture } from './support/captured-io.ts';

type Wording = Record<Language, string>;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearken-cli-errors-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const file = async (name: string, content: string) => {
  const path = join(root, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
};

/** Runs the CLI in `language`; the one line it prints on stderr, without "hearken: ", and its exit code. */
async function cli(args: readonly string[], language: Language): Promise<{ code: number; message: string }> {
  const { err, io } = capture();
  const code = await main([...args, '--lang', language], io);
  return { code, message: err.join('').replace(/^hearken: /, '').replace(/\n$/, '') };
}

/** The one-line message of what `attempt` throws (a PipelineError). */
async function thrown(attempt: () => unknown): Promise<{ message: string; exitCode: number }> {
  const error = await (async () => attempt())().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return { message: (error as PipelineError).message, exitCode: (error as PipelineError).exitCode };
}

describe('hearken detect', () => {
  const cases: [string, () => Promise<string[]>, (p: string) => Wording][] = [
    [
      'an input that is a folder',
      async () => [root],
      (p) => ({
        en: `${p} is a folder: detect reads one CSV file of series, period, count`,
        zh: `${p} 是文件夹：detect 读取一个 CSV 文件，列为 series、period、count`,
        vi: `${p} là một thư mục: detect đọc một tệp CSV gồm các cột series, period, count`,
      }),
    ],
    [
      'an input that does not exist',
      async () => [join(root, 'nowhere.csv')],
      (p) => ({
        en: `${p} does not exist: detect reads one CSV file of series, period, count`,
        zh: `${p} 不存在：detect 读取一个 CSV 文件，列为 series、period、count`,
        vi: `${p} không tồn tại: detect đọc một tệp CSV gồm các cột series, period, count`,
      }),
    ],
    [
      'a missing column',
      async () => [await file('week.csv', 'series,week,count\ns,1,2\n')],
      (p) => ({
        en: `${p} has no period column (the input is series, period, count)`,
        zh: `${p} 没有 period 列（输入的列为 series、period、count）`,
        vi: `${p} thiếu cột period (dữ liệu vào gồm series, period, count)`,
      }),
    ],
    [
      'a negative count',
      async () => [await file('negative.csv', 'series,period,count\ns,1,-2\n')],
      () => ({
        en: 'series s, period 1: count must be a whole number ≥ 0, not -2',
        zh: '序列 s，时期 1：count 须为 ≥ 0 的整数，而不是 -2',
        vi: 'chuỗi s, kỳ 1: count phải là số nguyên ≥ 0, không phải -2',
      }),
    ],
    [
      'a period of no kind',
      async () => [await file('period.csv', 'series,period,count\ns,1,2\ns,May,3\n')],
      () => ({
        en: 'series s: period May is not an integer, a date or an ISO week',
        zh: '序列 s：时期 May 既不是整数，也不是日期或 ISO 周',
        vi: 'chuỗi s: kỳ May không phải số nguyên, ngày hay tuần ISO',
      }),
    ],
    [
      'periods of two kinds',
      async () => [await file('mixed.csv', 'series,period,count\ns,1,2\ns,2025-01-06,3\n')],
      () => ({
        en: 'series s: periods mix an index, dates and ISO weeks',
        zh: '序列 s：时期混用了序号、日期和 ISO 周',
        vi: 'chuỗi s: các kỳ trộn lẫn số thứ tự, ngày và tuần ISO',
      }),
    ],
    [
      'a period given twice',
      async () => [await file('twice.csv', 'series,period,count\ns,1,2\ns,1,3\n')],
      () => ({
        en: 'series s: a period is given twice',
        zh: '序列 s：同一时期出现了两次',
        vi: 'chuỗi s: một kỳ xuất hiện hai lần',
      }),
    ],
    [
      'a CSV saved as GBK',
      // 心内科 (cardiology) in GBK: bytes no UTF-8 decoder accepts, on which DuckDB says only "CSV Error on Line: 2"
      async () => {
        const path = join(root, 'gbk.csv');
        await writeFile(path, Buffer.concat([Buffer.from('series,period,count\n'), Buffer.from([0xd0, 0xc4, 0xc4, 0xda, 0xbf, 0xc6]), Buffer.from(',1,3\n')]));
        return [path];
      },
      (p) => ({
        en: `${p} is not UTF-8 (Excel saves CSV as GBK or cp1252): save it as "CSV UTF-8" and run again`,
        zh: `${p} 不是 UTF-8 编码（Excel 会把 CSV 存为 GBK 或 cp1252）：请另存为“CSV UTF-8”后再运行`,
        vi: `${p} không phải UTF-8 (Excel lưu CSV dạng GBK hoặc cp1252): hãy lưu lại dạng "CSV UTF-8" rồi chạy lại`,
      }),
    ],
  ];
  for (const [name, input, wording] of cases) {
    it(`tells ${name} in each language, one line, exit 2`, async () => {
      const [path] = await input();
      for (const language of ['en', 'zh', 'vi'] as const) {
        const result = await cli(['detect', '--input', path!, '--out', join(root, 'alarms.csv')], language);
        expect(result).toEqual({ code: 2, message: wording(path!)[language] });
      }
    });
  }

  it('tells an unknown method in each language', async () => {
    const { runDetect } = await import('../pipeline/detect/command.ts');
    const expected: Wording = {
      en: 'unknown method: shewhart (use ',
      zh: '未知的方法：shewhart（可用 ',
      vi: 'phương pháp không xác định: shewhart (dùng ',
    };
    for (const language of ['en', 'zh', 'vi'] as const) {
      const error = await thrown(() => runDetect({ input: root, out: join(root, 'x.csv'), method: 'shewhart', language }, silentProgress));
      expect(error.message.startsWith(expected[language])).toBe(true);
      expect(error.message).toContain('ears_c1');
      expect(error.exitCode).toBe(2);
    }
  });
});

describe('hearken run and backtest: options and settings files', () => {
  const cases: [string, () => Promise<string[]>, Wording][] = [
    [
      'an --as-of that is not a date',
      async () => ['run', '--input', root, '--as-of', '2025-13'],
      { en: '--as-of must be a date YYYY-MM-DD, not 2025-13', zh: '--as-of 必须是 YYYY-MM-DD 格式的日期，而不是 2025-13', vi: '--as-of phải là ngày dạng YYYY-MM-DD, không phải 2025-13' },
    ],
    [
      'a --wait that is not a number',
      async () => ['run', '--input', root, '--wait', 'soon'],
      { en: '--wait must be a number of seconds, not soon', zh: '--wait 必须是秒数，而不是 soon', vi: '--wait phải là số giây, không phải soon' },
    ],
    [
      'an unknown time zone',
      async () => ['run', '--input', root, '--timezone', 'Mars/Olympus'],
      { en: 'unknown time zone: Mars/Olympus', zh: '未知的时区：Mars/Olympus', vi: 'múi giờ không xác định: Mars/Olympus' },
    ],
    [
      'a backtest --from that is not a date',
      async () => ['backtest', '--input', root, '--from', '2024-02-30', '--to', '2024-03-04', '--out', join(root, 'w.json')],
      { en: '--from must be a date YYYY-MM-DD, not 2024-02-30', zh: '--from 必须是 YYYY-MM-DD 格式的日期，而不是 2024-02-30', vi: '--from phải là ngày dạng YYYY-MM-DD, không phải 2024-02-30' },
    ],
    [
      'a backtest --from after --to',
      async () => ['backtest', '--input', root, '--from', '2024-03-04', '--to', '2024-02-26', '--out', join(root, 'w.json')],
      { en: '--from 2024-03-04 is after --to 2024-02-26', zh: '--from 2024-03-04 晚于 --to 2024-02-26', vi: '--from 2024-03-04 muộn hơn --to 2024-02-26' },
    ],
    [
      'a backtest span with no Monday',
      async () => ['backtest', '--input', root, '--from', '2024-03-05', '--to', '2024-03-07', '--out', join(root, 'w.json')],
      { en: 'no Monday between 2024-03-05 and 2024-03-07', zh: '2024-03-05 与 2024-03-07 之间没有星期一', vi: 'không có thứ Hai nào từ 2024-03-05 đến 2024-03-07' },
    ],
  ];
  for (const [name, args, wording] of cases) {
    it(`tells ${name} in each language, exit 2`, async () => {
      for (const language of ['en', 'zh', 'vi'] as const) expect(await cli(await args(), language)).toEqual({ code: 2, message: wording[language] });
    });
  }

  const settings: [string, () => Promise<{ args: string[]; path: string }>, (p: string) => Wording][] = [
    [
      'a --config that does not exist',
      async () => {
        const path = join(root, 'missing.json');
        return { args: ['run', '--input', root, '--config', path], path };
      },
      (p) => ({ en: `config file ${p} does not exist`, zh: `配置文件 ${p} 不存在`, vi: `tệp cấu hình ${p} không tồn tại` }),
    ],
    [
      'a config file that is a folder',
      async () => {
        const path = join(root, 'folder.json');
        await mkdir(path, { recursive: true });
        return { args: ['run', '--input', root, '--config', path], path };
      },
      (p) => ({ en: `config file ${p} is not a file`, zh: `配置文件 ${p} 不是文件`, vi: `tệp cấu hình ${p} không phải là tệp` }),
    ],
    [
      'a config file that is empty',
      async () => {
        const path = await file('empty.json', '  \n');
        return { args: ['run', '--input', root, '--config', path], path };
      },
      (p) => ({ en: `config file ${p} is empty`, zh: `配置文件 ${p} 是空的`, vi: `tệp cấu hình ${p} đang trống` }),
    ],
    [
      'a mapping file that breaks off',
      async () => {
        const path = await file('broken.json', '{\n  "a": 1,\n  "b" 2\n}');
        return { args: ['run', '--input', root, '--mapping', path], path };
      },
      (p) => ({
        en: `mapping file ${p} is not valid JSON (line 3, column 7)`,
        zh: `列映射文件 ${p} 不是有效的 JSON（第 3 行，第 7 列）`,
        vi: `tệp ánh xạ cột ${p} không phải JSON hợp lệ (dòng 3, cột 7)`,
      }),
    ],
    [
      'a config file that is not JSON at all',
      async () => {
        const path = await file('export.json', 'id,text\n1,slow\n');
        return { args: ['run', '--input', root, '--config', path], path };
      },
      (p) => ({
        en: `config file ${p} is not valid JSON (it does not start with { or [)`,
        zh: `配置文件 ${p} 不是有效的 JSON（开头不是 { 或 [）`,
        vi: `tệp cấu hình ${p} không phải JSON hợp lệ (không bắt đầu bằng { hoặc [)`,
      }),
    ],
  ];
  for (const [name, setup, wording] of settings) {
    it(`tells ${name} in each language, exit 2`, async () => {
      const { args, path } = await setup();
      for (const language of ['en', 'zh', 'vi'] as const) expect(await cli(args, language)).toEqual({ code: 2, message: wording(path)[language] });
    });
  }

  it('tells an unsupported --lang in all three languages, one line naming the supported ones, whatever the locale, exit 2', async () => {
    const expected = 'unknown language: fr (use en, zh or vi) · 未知的语言：fr（可用 en、zh 或 vi） · ngôn ngữ không xác định: fr (dùng en, zh hoặc vi)';
    try {
      for (const locale of ['en_GB.UTF-8', 'zh_CN.UTF-8', 'vi_VN.UTF-8']) {
        vi.stubEnv('LC_ALL', locale);
        for (const args of [['run', '--lang', 'fr'], ['run', '--lang=fr'], ['detect', '--input', 'a.csv', '--out', 'b.csv', '--lang', 'fr']]) {
          const { err, io } = capture();
          expect(await main(args, io), args.join(' ')).toBe(2);
          expect(err.join(''), `${locale} ${args.join(' ')}`).toBe(`hearken: ${expected}\n`);
        }
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('tells a config file\'s unknown language as an unknown --lang is told: all three languages, one line, whatever the locale, exit 2', async () => {
    const expected = 'unknown language: fr (use en, zh or vi) · 未知的语言：fr（可用 en、zh 或 vi） · ngôn ngữ không xác định: fr (dùng en, zh hoặc vi)';
    const path = await file('french/hearken.config.json', '{ "language": "fr" }');
    try {
      for (const locale of ['en_GB.UTF-8', 'zh_CN.UTF-8', 'vi_VN.UTF-8']) {
        vi.stubEnv('LC_ALL', locale);
        const { err, io } = capture();
        expect(await main(['run', '--input', join(path, '..')], io), locale).toBe(2);
        expect(err.join(''), locale).toBe(`hearken: ${expected}\n`);
        // the file's language is refused even where --lang would have overruled it
        expect((await thrown(() => normalizeConfig({ input: root, config: path, lang: 'vi' }))).message, locale).toBe(expected);
        // and so is one given to normalizeConfig by a caller other than commander
        expect((await thrown(() => normalizeConfig({ input: root, lang: 'fr' }))).message, locale).toBe(expected);
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('tells a --evaluate setting out of range in each language, with why, exit 2', async () => {
    const expected: [Partial<PlantedEvaluationOptions>, Wording][] = [
      [{ share: 2 }, { en: 'share must be between 0 and 1, got 2', zh: 'share 须在 0 与 1 之间，而不是 2', vi: 'share phải nằm trong khoảng 0 đến 1, không phải 2' }],
      [{ sizes: [2, 0] }, { en: 'sizes must be numbers > 0, got [2, 0]', zh: 'sizes 须为大于 0 的数，而不是 [2, 0]', vi: 'sizes phải là các số > 0, không phải [2, 0]' }],
      [{ onsetWeeks: 0.5 }, { en: 'onsetWeeks must be a whole number >= 1, got 0.5', zh: 'onsetWeeks 须为 ≥ 1 的整数，而不是 0.5', vi: 'onsetWeeks phải là số nguyên ≥ 1, không phải 0.5' }],
      [{ gapWeeks: -1 }, { en: 'gapWeeks must be a whole number >= 0, got -1', zh: 'gapWeeks 须为 ≥ 0 的整数，而不是 -1', vi: 'gapWeeks phải là số nguyên ≥ 0, không phải -1' }],
      [{ spread: { meanlog: 0, sdlog: 0 } }, { en: 'spread needs a finite meanlog and sdlog > 0', zh: 'spread 需要有限的 meanlog 和大于 0 的 sdlog', vi: 'spread cần meanlog hữu hạn và sdlog > 0' }],
      [
        { configurations: [{ method: 'shewhart' as 'auto', parameter: null, value: null }] },
        {
          en: 'unknown method: shewhart (use ears_c1, ears_c2, ears_c3, farrington_flexible, cusum, auto)',
          zh: '未知的方法：shewhart（可用 ears_c1, ears_c2, ears_c3, farrington_flexible, cusum, auto）',
          vi: 'phương pháp không xác định: shewhart (dùng ears_c1, ears_c2, ears_c3, farrington_flexible, cusum, auto)',
        },
      ],
      [
        { configurations: [{ method: 'cusum', parameter: 'alpha', value: 0.01 }] },
        { en: 'cusum takes threshold, not alpha', zh: 'cusum 的参数是 threshold，而不是 alpha', vi: 'cusum nhận tham số threshold, không phải alpha' },
      ],
      [
        { configurations: [{ method: 'auto', parameter: 'alpha', value: 0.01 }] },
        { en: 'auto takes no setting, not alpha', zh: 'auto 没有参数，不接受 alpha', vi: 'auto không có tham số, không nhận alpha' },
      ],
      [
        { configurations: [{ method: 'ears_c2', parameter: 'alpha', value: 1.5 }] },
        { en: 'ears_c2: alpha 1.5 is out of range', zh: 'ears_c2：alpha 1.5 超出范围', vi: 'ears_c2: alpha 1.5 nằm ngoài khoảng cho phép' },
      ],
      [
        { configurations: [{ method: 'auto', parameter: null, value: 3 }] },
        {
          en: 'auto: value 3 is out of range (it takes no setting)',
          zh: 'auto：取值 3 超出范围（它没有参数）',
          vi: 'auto: giá trị 3 nằm ngoài khoảng cho phép (phương pháp này không có tham số)',
        },
      ],
    ];
    const lead: Wording = { en: '--evaluate: ', zh: '--evaluate 的设置不可用：', vi: 'thiết lập của --evaluate không dùng được: ' };
    for (const [evaluation, reason] of expected) {
      for (const language of ['en', 'zh', 'vi'] as const) {
        const config = normalizeConfig({ input: root, lang: language });
        const options = { from: '2024-03-04', to: '2024-03-11', out: join(root, 'w.json'), warehouse: null, evaluate: join(root, 'e.md'), truth: null, evaluation };
        expect(await thrown(() => runBacktest(config, options, silentProgress))).toEqual({ message: `${lead[language]}${reason[language]}`, exitCode: 2 });
      }
    }
  });

  it('words why a series cannot be evaluated in each language (the warehouse gives none such: a library caller meets them)', () => {
    const expected: [WeeklySeries[], Wording][] = [
      [[{ cell: 'ward 3', counts: [1] }, { cell: 'ward 3', counts: [2] }], { en: 'cell ward 3 is given twice', zh: '单元 ward 3 出现了两次', vi: 'ô ward 3 xuất hiện hai lần' }],
      [
        [{ cell: 'ward 3', counts: [1, 2.5] }],
        { en: 'cell ward 3, week 1: count must be a whole number >= 0, not 2.5', zh: '单元 ward 3 第 1 周：count 须为 ≥ 0 的整数，而不是 2.5', vi: 'ô ward 3, tuần 1: count phải là số nguyên ≥ 0, không phải 2.5' },
      ],
    ];
    for (const [series, wording] of expected) {
      const error = (() => {
        try {
          evaluatePlantedOutbreaks(series);
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(PlantedEvaluationError);
      const { key, values, message } = error as PlantedEvaluationError;
      expect(message).toBe(`evaluatePlantedOutbreaks: ${wording.en}`);
      for (const language of ['en', 'zh', 'vi'] as const) expect(t(language, key, values)).toBe(wording[language]);
    }
  });
});

describe('files a hospital supplies', () => {
  it('tells a planted-truth file that cannot be used in each language', async () => {
    const bad = await file('truth/bad.json', JSON.stringify({ planted: [{ id: 'p', hospital: 'h', onset: '3 May', record_ids: [], department: 'd', category: 'cost' }] }));
    const text = await file('truth/text.json', 'planted: none');
    const none = join(root, 'truth/none.json');
    const expected: [string, Wording][] = [
      [bad, { en: `--truth ${bad}: planted.0.onset: a date YYYY-MM-DD`, zh: `--truth ${bad}：planted.0.onset: 应为 YYYY-MM-DD 格式的日期`, vi: `--truth ${bad}: planted.0.onset: cần một ngày dạng YYYY-MM-DD` }],
      [text, { en: `--truth ${text}: is not valid JSON`, zh: `--truth ${text}：不是有效的 JSON`, vi: `--truth ${text}: không phải JSON hợp lệ` }],
      [none, { en: `--truth ${none}: cannot be read`, zh: `--truth ${none}：无法读取`, vi: `--truth ${none}: không đọc được` }],
    ];
    for (const [path, wording] of expected) {
      for (const language of ['en', 'zh', 'vi'] as const) {
        expect(await thrown(() => readPlantedTruth(path, language))).toEqual({ message: wording[language], exitCode: 2 });
      }
    }
  });

  it('tells a category-lexicon line that cannot be used in each language', async () => {
    const categories = 'process, attitude, quality, cost, facility';
    const expected: [string, Wording][] = [
      [
        'process\tqueue\nfacilty\tlift',
        {
          en: `my.tsv line 2: unknown category: facilty (use ${categories}, then a tab and the phrase)`,
          zh: `my.tsv 第 2 行：未知的类别：facilty（请用 ${categories}，再接一个制表符和短语）`,
          vi: `my.tsv dòng 2: loại không xác định: facilty (dùng ${categories}, rồi một dấu tab và cụm từ)`,
        },
      ],
      ['cost\t  ', { en: 'my.tsv line 1: no phrase after the category', zh: 'my.tsv 第 1 行：类别后面没有短语', vi: 'my.tsv dòng 1: không có cụm từ sau loại' }],
    ];
    for (const [text, wording] of expected) {
      for (const language of ['en', 'zh', 'vi'] as const) expect((await thrown(() => parseCategoryLexicon(text, language, 'my.tsv'))).message).toBe(wording[language]);
    }
    expect((await thrown(() => parseCategoryLexicon('cost', 'vi'))).message).toMatch(/^từ điển phân loại dòng 1: /);
  });

  it('tells a category lexicon that cannot be read, or is not UTF-8, in each language; a UTF-8 BOM is no part of the first line', async () => {
    const none = join(root, 'lexicon/none.tsv');
    // 排队 (queue) as GBK: bytes no UTF-8 decoder accepts
    const gbk = join(root, 'lexicon/gbk.tsv');
    await mkdir(join(root, 'lexicon'), { recursive: true });
    await writeFile(gbk, Buffer.concat([Buffer.from('process\t'), Buffer.from([0xc5, 0xc5, 0xb6, 0xd3]), Buffer.from('\n')]));
    const expected: [string, Wording][] = [
      [none, { en: `the category lexicon ${none} cannot be read (ENOENT)`, zh: `无法读取类别词典 ${none}（ENOENT）`, vi: `không đọc được từ điển phân loại ${none} (ENOENT)` }],
      [
        gbk,
        {
          en: `the category lexicon ${gbk} is not UTF-8: save it as UTF-8 and run again`,
          zh: `类别词典 ${gbk} 不是 UTF-8 编码：请另存为 UTF-8 后再运行`,
          vi: `từ điển phân loại ${gbk} không phải UTF-8: hãy lưu lại dạng UTF-8 rồi chạy lại`,
        },
      ],
    ];
    for (const [path, wording] of expected) {
      for (const language of ['en', 'zh', 'vi'] as const) expect((await thrown(() => readCategoryLexiconFile(path, language))).message).toBe(wording[language]);
    }
    const bom = await file('lexicon/bom.tsv', '\ufeffcost\tparking fee\r\n');
    expect(readCategoryLexiconFile(bom, 'zh')).toEqual([{ category: 'cost', phrase: 'parking fee' }]);
  });

  it('tells a broken lexicon of the install in the reader\'s language, not the locale\'s the text stage\'s threads would use', async () => {
    const folder = join(root, 'install-lexicons');
    await file('install-lexicons/zh.tsv', 'process\t排队\n');
    await file('install-lexicons/en.tsv', 'cost\tparking fee\n');
    const broken = await file('install-lexicons/vi.tsv', 'process\txếp hàng\ncots\tviện phí\n');
    const categories = 'process, attitude, quality, cost, facility';
    const expected: Wording = {
      en: `${broken} line 2: unknown category: cots (use ${categories}, then a tab and the phrase)`,
      zh: `${broken} 第 2 行：未知的类别：cots（请用 ${categories}，再接一个制表符和短语）`,
      vi: `${broken} dòng 2: loại không xác định: cots (dùng ${categories}, rồi một dấu tab và cụm từ)`,
    };
    vi.stubEnv('LC_ALL', 'C');
    try {
      for (const language of ['en', 'zh', 'vi'] as const) expect((await thrown(() => checkShippedCategoryLexicons(language, folder))).message).toBe(expected[language]);
    } finally {
      vi.unstubAllEnvs();
    }
    // the install's own lexicons can be used
    expect(checkShippedCategoryLexicons('vi')).toBeUndefined();
  });

  it('tells a warehouse path that is a folder, or behind a file, in each language', async () => {
    const folder = join(root, 'a-folder.duckdb');
    await mkdir(folder, { recursive: true });
    const blocker = await file('blocker', 'not a folder');
    const behind = join(blocker, 'w.duckdb');
    const expected: [string, Wording][] = [
      [
        folder,
        {
          en: `the warehouse ${folder} is a folder or a device, not a file; give --db the path of a file`,
          zh: `数据仓库 ${folder} 是文件夹或设备，不是文件；请给 --db 一个文件路径`,
          vi: `kho dữ liệu ${folder} là một thư mục hoặc thiết bị, không phải tệp; hãy đưa cho --db đường dẫn của một tệp`,
        },
      ],
      [
        behind,
        {
          en: `cannot make the folder of the warehouse ${behind}: a file is in the way`,
          zh: `无法创建数据仓库 ${behind} 所在的文件夹：有一个文件挡在路径上`,
          vi: `không tạo được thư mục của kho dữ liệu ${behind}: có một tệp chắn đường`,
        },
      ],
    ];
    for (const [path, wording] of expected) {
      for (const language of ['en', 'zh', 'vi'] as const) expect(await thrown(() => openWarehouse(path, { language }))).toEqual({ message: wording[language], exitCode: 2 });
    }
  });
});

describe('files of the input folder rejected whole', () => {
  const wordings: [FileRejection, Wording][] = [
    [{ reason: 'rejection.empty' }, { en: 'the file is empty', zh: '文件是空的', vi: 'tệp trống' }],
    [{ reason: 'rejection.notATable' }, { en: 'not a table', zh: '不是表格', vi: 'không phải bảng' }],
    [
      { reason: 'rejection.xls' },
      { en: 'old Excel .xls files are not supported; save the sheet as .xlsx', zh: '不支持旧版 Excel .xls 文件；请将工作表另存为 .xlsx', vi: 'không hỗ trợ tệp Excel cũ .xls; hãy lưu trang tính thành .xlsx' },
    ],
    [
      { reason: 'rejection.xlsm' },
      { en: 'macro-enabled .xlsm files are not supported; save the sheet as .xlsx', zh: '不支持启用宏的 .xlsm 文件；请将工作表另存为 .xlsx', vi: 'không hỗ trợ tệp .xlsm có macro; hãy lưu trang tính thành .xlsx' },
    ],
    [
      { reason: 'rejection.ods' },
      {
        en: 'OpenDocument .ods files are not supported; save the sheet as .xlsx or .csv',
        zh: '不支持 OpenDocument .ods 文件；请将工作表另存为 .xlsx 或 .csv',
        vi: 'không hỗ trợ tệp OpenDocument .ods; hãy lưu trang tính thành .xlsx hoặc .csv',
      },
    ],
    [
      { reason: 'rejection.bothKinds' },
      {
        en: 'the file has both received_at (feedback) and submitted_at (survey) columns; split it or add a column mapping',
        zh: '文件同时有 received_at（投诉反馈）和 submitted_at（满意度调查）列；请拆分文件或添加列映射',
        vi: 'tệp có cả cột received_at (phản hồi) và submitted_at (khảo sát); hãy tách tệp hoặc thêm ánh xạ cột',
      },
    ],
    [
      { reason: 'rejection.noKind' },
      {
        en: 'no received_at (feedback) or submitted_at (survey) column; add a column mapping for files of this shape',
        zh: '没有 received_at（投诉反馈）或 submitted_at（满意度调查）列；请为这种格式的文件添加列映射',
        vi: 'không có cột received_at (phản hồi) hay submitted_at (khảo sát); hãy thêm ánh xạ cột cho tệp dạng này',
      },
    ],
    [
      { reason: 'rejection.notFeedbackColumn', values: { mapping: 'his', column: 'colour' } },
      { en: 'mapping his: colour is not a feedback column of the contract', zh: '映射 his：colour 不是约定中的投诉反馈列', vi: 'ánh xạ his: colour không phải cột phản hồi của hợp đồng dữ liệu' },
    ],
    [
      { reason: 'rejection.notSurveyColumn', values: { mapping: 'his', column: 'colour' } },
      { en: 'mapping his: colour is not a survey column of the contract', zh: '映射 his：colour 不是约定中的满意度调查列', vi: 'ánh xạ his: colour không phải cột khảo sát của hợp đồng dữ liệu' },
    ],
    [{ reason: 'rejection.missingColumn', values: { columns: 'text' } }, { en: 'missing required column: text', zh: '缺少必需的列：text', vi: 'thiếu cột bắt buộc: text' }],
    [{ reason: 'rejection.missingColumns', values: { columns: 'id, text' } }, { en: 'missing required columns: id, text', zh: '缺少必需的列：id, text', vi: 'thiếu các cột bắt buộc: id, text' }],
    [
      { reason: 'rejection.noAnswerColumn' },
      { en: 'a survey file needs at least one q_<code> answer column', zh: '满意度调查文件至少需要一个 q_<代码> 答题列', vi: 'tệp khảo sát cần ít nhất một cột câu trả lời q_<mã>' },
    ],
    [
      { reason: 'rejection.mappingNoColumn', values: { mapping: 'his', column: '科室' } },
      { en: 'mapping his: the file has no column 科室', zh: '映射 his：文件中没有 科室 列', vi: 'ánh xạ his: tệp không có cột 科室' },
    ],
    [{ reason: 'rejection.noFixedOn' }, { en: 'no fixed_on column', zh: '没有 fixed_on 列', vi: 'không có cột fixed_on' }],
    [
      { reason: 'rejection.unreadableTable', values: { format: 'CSV', reason: 'Invalid Input Error: x' } },
      { en: 'not a readable CSV table: Invalid Input Error: x', zh: '无法作为 CSV 表格读取：Invalid Input Error: x', vi: 'không đọc được dưới dạng bảng CSV: Invalid Input Error: x' },
    ],
    [
      { reason: 'rejection.unreadableParquet', values: { reason: 'Invalid Input Error: x' } },
      { en: 'not a readable Parquet file: Invalid Input Error: x', zh: '无法作为 Parquet 文件读取：Invalid Input Error: x', vi: 'không đọc được dưới dạng tệp Parquet: Invalid Input Error: x' },
    ],
    [
      { reason: 'rejection.xlsxOldBinary', values: { file: 'a.xlsx' } },
      {
        en: 'a.xlsx is not a valid .xlsx file: it is an old binary .xls workbook; save it as .xlsx',
        zh: 'a.xlsx 不是有效的 .xlsx 文件：它是旧版二进制 .xls 工作簿；请另存为 .xlsx',
        vi: 'a.xlsx không phải tệp .xlsx hợp lệ: đây là sổ tính .xls nhị phân kiểu cũ; hãy lưu thành .xlsx',
      },
    ],
    [
      { reason: 'rejection.xlsxNotZip', values: { file: 'a.xlsx' } },
      {
        en: 'a.xlsx is not a valid .xlsx file: it is not a zip archive (a CSV or other text renamed to .xlsx?)',
        zh: 'a.xlsx 不是有效的 .xlsx 文件：它不是 zip 压缩包（是否把 CSV 或其他文本改名为 .xlsx？）',
        vi: 'a.xlsx không phải tệp .xlsx hợp lệ: tệp không phải gói zip (một tệp CSV hay văn bản bị đổi tên thành .xlsx?)',
      },
    ],
    [
      { reason: 'rejection.xlsxDamaged', values: { file: 'a.xlsx' } },
      { en: 'a.xlsx is not a valid .xlsx file: the zip archive is damaged or truncated', zh: 'a.xlsx 不是有效的 .xlsx 文件：zip 压缩包已损坏或不完整', vi: 'a.xlsx không phải tệp .xlsx hợp lệ: gói zip bị hỏng hoặc bị cắt cụt' },
    ],
    [
      { reason: 'rejection.xlsxEmpty', values: { file: 'a.xlsx' } },
      { en: 'a.xlsx is not a valid .xlsx file: the file is empty', zh: 'a.xlsx 不是有效的 .xlsx 文件：文件是空的', vi: 'a.xlsx không phải tệp .xlsx hợp lệ: tệp trống' },
    ],
    [
      { reason: 'rejection.xlsxUnreadable', values: { file: 'a.xlsx', reason: 'bad sheet' } },
      { en: 'a.xlsx is not a valid .xlsx file: bad sheet', zh: 'a.xlsx 不是有效的 .xlsx 文件：bad sheet', vi: 'a.xlsx không phải tệp .xlsx hợp lệ: bad sheet' },
    ],
  ];
  it('words every reason in each language', () => {
    for (const [rejection, wording] of wordings) {
      for (const language of ['en', 'zh', 'vi'] as const) expect(fileErrorText(language, { error: 'as written', rejection })).toBe(wording[language]);
    }
    // a reader's own failure has no reason code: its words are shown as written
    expect(fileErrorText('zh', { error: 'Invalid Input Error: x' })).toBe('Invalid Input Error: x');
  });

  it('tells them on the terminal and the run report in the reader\'s language, and in English in run-summary.json', async () => {
    const input = join(root, 'rejected-input');
    await file('rejected-input/empty.csv', '');
    await file('rejected-input/short.csv', 'id,received_at,department\n1,2025-01-02 10:00,急诊科\n');
    await file('rejected-input/old.xls', 'not really');
    await file('rejected-input/renamed.xlsx', 'id,received_at,department,text\n');
    await file('rejected-input/ok.csv', 'id,received_at,department,text\n1,2025-01-02 10:00,急诊科,排队太久\n');
    const out = join(root, 'rejected-site');
    const { out: printed, io } = capture();
    expect(await main(['run', '--input', input, '--out', out, '--db', join(root, 'rejected.duckdb'), '--as-of', '2025-01-05', '--lang', 'vi'], io)).toBe(0);
    const lines = printed.join('').split('\n');
    expect(lines).toContain('  empty.csv [bị từ chối] tệp trống');
    expect(lines).toContain('  short.csv [bị từ chối] thiếu cột bắt buộc: text');
    expect(lines).toContain('  old.xls [bị từ chối] không hỗ trợ tệp Excel cũ .xls; hãy lưu trang tính thành .xlsx');
    expect(lines).toContain('  renamed.xlsx [bị từ chối] renamed.xlsx không phải tệp .xlsx hợp lệ: tệp không phải gói zip (một tệp CSV hay văn bản bị đổi tên thành .xlsx?)');
    const summary = JSON.parse(readFileSync(join(out, 'run-summary.json'), 'utf8')) as { files: { path: string; error?: string; rejection?: FileRejection }[] };
    expect(summary.files.filter((f) => f.error !== undefined)).toEqual([
      { ...summary.files.find((f) => f.path === 'empty.csv'), error: 'the file is empty', rejection: { reason: 'rejection.empty' } },
      { ...summary.files.find((f) => f.path === 'old.xls'), error: 'old Excel .xls files are not supported; save the sheet as .xlsx', rejection: { reason: 'rejection.xls' } },
      {
        ...summary.files.find((f) => f.path === 'renamed.xlsx'),
        error: 'renamed.xlsx is not a valid .xlsx file: it is not a zip archive (a CSV or other text renamed to .xlsx?)',
        rejection: { reason: 'rejection.xlsxNotZip', values: { file: 'renamed.xlsx' } },
      },
      { ...summary.files.find((f) => f.path === 'short.csv'), error: 'missing required column: text', rejection: { reason: 'rejection.missingColumn', values: { columns: 'text' } } },
    ]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<div class="error">thiếu cột bắt buộc: text</div>');
  }, 60_000);
});

describe('a warehouse another run holds', () => {
  it('tells that it is in use, while waiting and when giving up, in each language', async () => {
    const db = join(root, 'held.duckdb');
    // DuckDB's lock is per process: the holder is another one (plain node, no tsx)
    const script = `
      import { DuckDBInstance } from '@duckdb/node-api';
      const instance = await DuckDBInstance.create(${JSON.stringify(db)});
      process.stdout.write('ready\\n');
      setTimeout(() => { instance.closeSync(); process.exit(0); }, 20000);`;
    const holder = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: resolve(import.meta.dirname, '..') });
    try {
      await new Promise<void>((done, fail) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && done());
        holder.on('exit', (code) => fail(new Error(`holder exited ${code}`)));
      });
      const busy: Wording = {
        en: `the warehouse ${db} is in use by another hearken run (process ${holder.pid})`,
        zh: `数据仓库 ${db} 正被另一个 hearken 运行占用（进程 ${holder.pid}）`,
        vi: `kho dữ liệu ${db} đang được một lần chạy hearken khác dùng (tiến trình ${holder.pid})`,
      };
      const stop: Wording = {
        en: `${busy.en}; wait for it to finish, pass --wait SECONDS, or use another --db`,
        zh: `${busy.zh}；请等它结束，或加上 --wait 秒数，或换一个 --db`,
        vi: `${busy.vi}; hãy đợi nó xong, thêm --wait SỐ_GIÂY, hoặc dùng --db khác`,
      };
      const waiting: Wording = { en: `${busy.en}; waiting`, zh: `${busy.zh}；正在等待`, vi: `${busy.vi}; đang đợi` };
      for (const language of ['en', 'zh', 'vi'] as const) {
        const said: string[] = [];
        expect(await thrown(() => openWarehouse(db, { language, waitSeconds: 0.1, onWait: (message) => said.push(message) }))).toEqual({ message: stop[language], exitCode: 1 });
        expect(said).toEqual([waiting[language]]);
      }
    } finally {
      holder.kill();
    }
  });
});

describe('reference tables a hospital adds', () => {
  /** Readies an in-memory warehouse as a run does, with `files` in the hospital's reference folder, in `language`; what it throws. */
  async function prepareWith(name: string, files: Record<string, string>, language: Language, calendars = false) {
    const input = join(root, 'reference', name);
    await mkdir(join(input, 'mine'), { recursive: true });
    for (const [fileName, content] of Object.entries(files)) await file(join('reference', name, 'mine', fileName), content);
    await writeFile(join(input, 'hearken.config.json'), JSON.stringify({ reference_dirs: ['mine'], ...(calendars ? { calendar: 'TH' } : {}) }));
    const config = normalizeConfig({ input, lang: language, timezone: 'Asia/Shanghai' });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      return await thrown(async () => {
        await prepareSession(connection, config);
        await prepareCalendars(connection, config, { run: (model) => runModel(connection, model), sql: () => '' });
      });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }

  const cases: [string, Record<string, string>, Wording, number][] = [
    [
      'a response limit out of range',
      { 'response_limits.csv': 'channel,response_limit,unit\nhotline,-1,hours\n' },
      {
        en: 'response_limits.csv: hotline: needs a response_limit from 0 to 3650 in hours or working_days, not -1 hours',
        zh: 'response_limits.csv：hotline：response_limit 须为 0 到 3650，单位为 hours 或 working_days，而不是 -1 hours',
        vi: 'response_limits.csv: hotline: response_limit phải từ 0 đến 3650, đơn vị hours hoặc working_days, không phải -1 hours',
      },
      1,
    ],
    [
      'a month of visits that is not a count',
      { 'visits.csv': 'hospital,month,visits\nH1,2025-03,many\n' },
      {
        en: 'visits.csv: H1 2025-03: needs a hospital, a month as YYYY-MM and a whole number of visits above 0, not many',
        zh: 'visits.csv：H1 2025-03：须有医院、YYYY-MM 格式的月份和大于 0 的整数就诊人次，而不是 many',
        vi: 'visits.csv: H1 2025-03: cần bệnh viện, tháng dạng YYYY-MM và số lượt khám là số nguyên lớn hơn 0, không phải many',
      },
      1,
    ],
    [
      'SLA days that are not a number',
      { 'complaint_sla.csv': 'category,sla_days\ncost,a week\n' },
      {
        en: 'complaint_sla.csv: cost: sla_days is not a number of days from 0 to 3650: a week',
        zh: 'complaint_sla.csv：cost：sla_days 不是 0 到 3650 之间的天数：a week',
        vi: 'complaint_sla.csv: cost: sla_days không phải số ngày từ 0 đến 3650: a week',
      },
      1,
    ],
    [
      'a holiday whose date is not a date',
      { 'holidays.csv': 'calendar,date,kind,name\nCN,2025-02-30,holiday,院庆\n' },
      {
        en: 'holidays.csv: CN 2025-02-30: date is not a date YYYY-MM-DD',
        zh: 'holidays.csv：CN 2025-02-30：date 不是 YYYY-MM-DD 格式的日期',
        vi: 'holidays.csv: CN 2025-02-30: date không phải ngày dạng YYYY-MM-DD',
      },
      1,
    ],
    [
      'a holiday of no kind',
      { 'holidays.csv': 'calendar,date,kind,name\nCN,2025-03-04,party,院庆\n' },
      { en: 'holidays.csv: CN 2025-03-04: kind is not holiday or workday', zh: 'holidays.csv：CN 2025-03-04：kind 既不是 holiday 也不是 workday', vi: 'holidays.csv: CN 2025-03-04: kind không phải holiday hay workday' },
      1,
    ],
    [
      'a holiday of no calendar',
      { 'holidays.csv': 'calendar,date,kind,name\n,2025-03-04,holiday,院庆\n' },
      { en: 'holidays.csv:  2025-03-04: calendar is empty', zh: 'holidays.csv： 2025-03-04：calendar 为空', vi: 'holidays.csv:  2025-03-04: calendar đang trống' },
      1,
    ],
    [
      'a day both a holiday and a workday',
      { 'holidays.csv': 'calendar,date,kind,name\nCN,2025-10-01,workday,值班\n' },
      {
        en: 'holidays.csv: CN 2025-10-01: listed both as a holiday and as a workday',
        zh: 'holidays.csv：CN 2025-10-01：同一天既列为假日又列为调休工作日',
        vi: 'holidays.csv: CN 2025-10-01: vừa được ghi là ngày nghỉ lễ vừa là ngày làm bù',
      },
      1,
    ],
  ];
  for (const [name, files, wording, exitCode] of cases) {
    it(`tells ${name} in each language`, async () => {
      for (const language of ['en', 'zh', 'vi'] as const) expect(await prepareWith(name, files, language)).toEqual({ message: wording[language], exitCode });
    });
  }

  it('tells a configured calendar holidays.csv does not hold in each language, exit 2', async () => {
    const expected: Wording = {
      en: 'unknown calendar: TH (holidays.csv has CN, VN; or use none)',
      zh: '未知的日历：TH（holidays.csv 中有 CN, VN；或用 none）',
      vi: 'lịch không xác định: TH (holidays.csv có CN, VN; hoặc dùng none)',
    };
    for (const language of ['en', 'zh', 'vi'] as const) expect(await prepareWith('calendar', {}, language, true)).toEqual({ message: expected[language], exitCode: 2 });
  });
});
