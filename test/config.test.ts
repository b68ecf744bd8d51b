import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIngestSliceRows, defaultMemoryLimitMb, defaults, languageFromEnvironment, normalizeConfig } from '../pipeline/config.ts';
import { PipelineError } from '../pipeline/errors.ts';
import { detectionDefaults, detectionSettings } from '../pipeline/warnings/detection-settings.ts';
import { caseDefaults } from '../pipeline/case-settings.ts';

describe('normalizeConfig', () => {
  it('gives the documented defaults', () => {
    const config = normalizeConfig({ lang: 'vi', timezone: 'Asia/Ho_Chi_Minh' });
    expect(config).toMatchObject({ inputDir: defaults.inputDir, dbPath: defaults.dbPath, outDir: defaults.outDir, asOf: null, language: 'vi', waitSeconds: 0, mappings: [] });
    expect(config.referenceDirs).toEqual([defaults.referenceDir]);
  });

  it('caps the warehouse memory at half the RAM, at most 4096 MiB; the config file and --memory-limit set it', async () => {
    // hand-worked: 4 GiB of RAM → 2048 MiB; 16 GiB → 8192, capped at 4096; 256 MiB → 128, raised to the floor of 256
    expect(defaultMemoryLimitMb(4 * 1024 ** 3)).toBe(2048);
    expect(defaultMemoryLimitMb(16 * 1024 ** 3)).toBe(4096);
    expect(defaultMemoryLimitMb(256 * 1024 ** 2)).toBe(256);
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    expect(normalizeConfig({ input: dir, lang: 'en' }).memoryLimitMb).toBe(defaultMemoryLimitMb());
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ memory_limit_mb: 3000 }));
    expect(normalizeConfig({ input: dir, lang: 'en' }).memoryLimitMb).toBe(3000);
    expect(normalizeConfig({ input: dir, lang: 'en', memoryLimit: '1024' }).memoryLimitMb).toBe(1024);
    for (const memoryLimit of ['2GB', '100', '1.5', '']) {
      expect(() => normalizeConfig({ input: dir, lang: 'en', memoryLimit })).toThrow(/--memory-limit must be a whole number of megabytes, at least 256/);
    }
    // more than the machine has: DuckDB would never spill, and the system would kill the run
    const ram = Math.floor(totalmem() / 1024 ** 2);
    for (const memoryLimit of [String(ram + 1), '99999999999', '100000000000000000000']) {
      expect(() => normalizeConfig({ input: dir, lang: 'en', memoryLimit })).toThrow(`--memory-limit ${memoryLimit} is more than the memory of this machine (${ram} MB); give at most ${ram}`);
    }
    expect(() => normalizeConfig({ input: dir, lang: 'zh', memoryLimit: '99999999999' })).toThrow(`--memory-limit 99999999999 超过本机内存（${ram} MB）；最多可设为 ${ram}`);
    expect(normalizeConfig({ input: dir, lang: 'en', memoryLimit: String(ram) }).memoryLimitMb).toBe(ram);
  });

  it('stages 500 rows of a file per MiB of the memory limit at a time, unless the config file says ingest_slice_rows', async () => {
    // hand-worked: 4096 MiB × 500 = 2,048,000 rows; 400 MiB × 500 = 200,000
    expect(defaultIngestSliceRows(4096)).toBe(2_048_000);
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    expect(normalizeConfig({ input: dir, lang: 'en', memoryLimit: '400' }).ingestSliceRows).toBe(200_000);
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ ingest_slice_rows: 3 }));
    expect(normalizeConfig({ input: dir, lang: 'en', memoryLimit: '400' }).ingestSliceRows).toBe(3);
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ ingest_slice_rows: 0 }));
    expect(() => normalizeConfig({ input: dir, lang: 'en' })).toThrow(/ingest_slice_rows/);
  });

  it('reads hearken.config.json from the input folder, and flags override it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ language: 'zh', timezone: 'Asia/Shanghai', reference_dirs: ['ref'] }));
    expect(normalizeConfig({ input: dir })).toMatchObject({ language: 'zh', timezone: 'Asia/Shanghai', referenceDirs: [defaults.referenceDir, join(dir, 'ref')] });
    expect(normalizeConfig({ input: dir, lang: 'en' }).language).toBe('en');
  });

  it('publishes no staff name unless the hospital asks for them in its department packs, and takes only true or false', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    expect(normalizeConfig({ input: dir, lang: 'en' }).staffNamesInDepartmentPacks).toBe(false);
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ privacy: {} }));
    expect(normalizeConfig({ input: dir, lang: 'en' }).staffNamesInDepartmentPacks).toBe(false);
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ privacy: { staff_names_in_department_packs: true } }));
    expect(normalizeConfig({ input: dir, lang: 'en' }).staffNamesInDepartmentPacks).toBe(true);
    for (const privacy of [{ staff_names_in_department_packs: 'yes' }, { staff_names: true }]) {
      await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ privacy }));
      expect(() => normalizeConfig({ input: dir, lang: 'en' })).toThrow(PipelineError);
    }
  });

  it('words a settings problem in the language asked for, zod\'s own wording of it included, the setting first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    const path = join(dir, 'hearken.config.json');
    await writeFile(path, JSON.stringify({ cases: { escalation_steps: [-1] } }));
    const message = (lang: 'en' | 'zh' | 'vi') => {
      try {
        normalizeConfig({ input: dir, lang });
      } catch (error) {
        return (error as PipelineError).message;
      }
      return '';
    };
    expect(message('en')).toBe(`config file ${path}: cases.escalation_steps.0: Too small: expected number to be >=1`);
    expect(message('zh')).toBe(`配置文件 ${path}：cases.escalation_steps.0: 数值过小：期望 number >=1`);
    expect(message('vi')).toBe(`tệp cấu hình ${path}: cases.escalation_steps.0: Quá nhỏ: mong đợi number >=1`);
  });

  it('reads the early-warning settings a hospital chose, and refuses an impossible one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ early_warning: { fdr: 0.01, guard_cases: 3, farrington_years: 1 } }));
    const detection = detectionSettings(normalizeConfig({ input: dir, lang: 'en' }).detection);
    expect(detection).toMatchObject({ fdr: 0.01, previousWeekP: detectionDefaults.previousWeekP });
    expect(detection.assessment).toMatchObject({ guard: { cases: 3, weeks: 4 }, farringtonYears: 1, earsAlpha: detectionDefaults.assessment.earsAlpha });
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ early_warning: { fdr: 2 } }));
    expect(() => normalizeConfig({ input: dir, lang: 'en' })).toThrow(/early_warning\.fdr/);
  });

  it('reads new_place_cases (0: a new place waits for the guard like any cell), and refuses a negative one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ early_warning: { new_place_cases: 0 } }));
    expect(detectionSettings(normalizeConfig({ input: dir, lang: 'en' }).detection).newPlaceCases).toBe(0);
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ early_warning: { new_place_cases: -1 } }));
    expect(() => normalizeConfig({ input: dir, lang: 'en' })).toThrow(/early_warning\.new_place_cases/);
  });

  it.each([
    [{ asOf: '2025-13' }, '--as-of must be a date YYYY-MM-DD, not 2025-13'],
    [{ timezone: 'Mars/Olympus' }, 'unknown time zone: Mars/Olympus'],
    [{ lang: 'fr' }, 'unknown language: fr (use en, zh or vi)'],
    [{ wait: 'soon' }, '--wait must be a number of seconds, not soon'],
  ])('refuses %o with a usage error', (options, message) => {
    expect(() => normalizeConfig({ lang: 'en', ...options })).toThrow(message);
    try {
      normalizeConfig({ lang: 'en', ...options });
    } catch (error) {
      expect((error as PipelineError).exitCode).toBe(2);
    }
  });

  it('reads the case settings: closed always stops the clock, steps ascend, a score needs a weight above 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    expect(normalizeConfig({ input: dir, lang: 'en' }).cases).toEqual(caseDefaults);
    expect(caseDefaults).toEqual({ clockStopsAt: ['closed'], escalationSteps: [3, 10], scoreWeights: {} });
    await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ cases: { clock_stops_at: ['replied'], escalation_steps: [2], score_weights: { solved: 1 } } }));
    expect(normalizeConfig({ input: dir, lang: 'en' }).cases).toEqual({ clockStopsAt: ['closed', 'replied'], escalationSteps: [2], scoreWeights: { solved: 1 } });
    for (const cases of [{ clock_stops_at: ['escalated'] }, { escalation_steps: [10, 3] }, { escalation_steps: [0] }, { score_weights: { solved: 0 } }, { score_weights: { speed: 1 } }]) {
      await writeFile(join(dir, 'hearken.config.json'), JSON.stringify({ cases }));
      expect(() => normalizeConfig({ input: dir, lang: 'en' }), JSON.stringify(cases)).toThrow(PipelineError);
    }
  });

  it('names the first problem of a bad mapping file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearken-config-'));
    await writeFile(join(dir, 'm.json'), JSON.stringify({ name: 'x', kind: 'feedback', columns: {} }));
    expect(() => normalizeConfig({ lang: 'en', mapping: [join(dir, 'm.json')] })).toThrow(/mapping file .*m\.json: .*"files" or "when_columns"/);
    await writeFile(join(dir, 'bad.json'), '{ not json');
    expect(() => normalizeConfig({ lang: 'en', mapping: [join(dir, 'bad.json')] })).toThrow(/mapping file .*bad\.json is not valid JSON/);
  });
});

describe('languageFromEnvironment', () => {
  it('takes the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX does for messages', () => {
    expect(languageFromEnvironment(Object.freeze({ LC_ALL: 'vi_VN.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_GB.UTF-8' }))).toBe('vi');
    expect(languageFromEnvironment(Object.freeze({ LC_ALL: '', LC_MESSAGES: 'zh_TW.Big5', LANG: 'vi_VN' }))).toBe('zh');
    expect(languageFromEnvironment(Object.freeze({ LANG: 'ZH_cn.GB18030' }))).toBe('zh');
  });

  it('falls back to English for other locales and for none', () => {
    expect(languageFromEnvironment(Object.freeze({ LANG: 'C.UTF-8' }))).toBe('en');
    expect(languageFromEnvironment(Object.freeze({ LANG: 'fr_FR.UTF-8' }))).toBe('en');
    expect(languageFromEnvironment(Object.freeze({}))).toBe('en');
  });
});
