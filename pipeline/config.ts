import { existsSync, readFileSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { z } from 'zod';
import { caseDefaults, type CaseSettings } from './case-settings.ts';
import { EXIT_USAGE, PipelineError } from './errors.ts';
import { isMessageKey, t, type MessageKey } from './i18n.ts';
import { LANGUAGES, type Language } from './languages.ts';
import { isCalendarDate } from './time.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CONFIG_FILE_NAME = 'hearken.config.json';
export { LANGUAGES, type Language };

/** Where a contract column's value comes from, in a column mapping. */
const columnSourceSchema = z.union([
  z.string().min(1).describe('a column of the file'),
  z.strictObject({
    column: z.string().min(1),
    values: z.record(z.string(), z.string()).optional().describe('recode values; others pass unchanged'),
  }),
  z.strictObject({ value: z.string().describe('the same constant on every row') }),
  z.strictObject({ join: z.array(z.string().min(1)).min(1), separator: z.string().default(' ') }),
  z.strictObject({ row_number: z.literal(true).describe('the data row number in the file, for files with no id') }),
]);
export type ColumnSource = z.infer<typeof columnSourceSchema>;

const mappingSchema = z
  .strictObject({
    name: z.string().min(1),
    files: z.array(z.string().min(1)).optional().describe('glob patterns, relative to the input folder'),
    when_columns: z.array(z.string().min(1)).optional().describe('the mapping applies when the file has all of these columns'),
    kind: z.enum(['feedback', 'survey']),
    columns: z.record(z.string().min(1), columnSourceSchema),
  })
  .refine((m) => m.files !== undefined || m.when_columns !== undefined, {
    message: 'a mapping needs "files" or "when_columns" to say which files it applies to',
  });
export type ColumnMapping = z.infer<typeof mappingSchema>;

/** A `calendar` of data/reference/holidays.csv (CN, VN, or a hospital's own), or `none` for weekends only. */
const calendarSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a calendar is a code such as CN, VN or none')
  .transform((name) => (name.toLowerCase() === 'none' ? 'none' : name.toUpperCase()));

/** Early-warning settings a hospital may change (README, "Choosing alpha"); each defaults to detectionDefaults. */
const earlyWarningSchema = z.strictObject({
  fdr: z.number().gt(0).lt(1).optional().describe('false discovery rate across the cells tested in a week'),
  guard_cases: z.number().int().min(0).optional().describe('no alarm on fewer complaints than this in guard_weeks'),
  guard_weeks: z.number().int().min(1).optional(),
  farrington_years: z.number().int().min(1).max(4).optional().describe('years of history before Farrington flexible replaces EARS C2'),
  farrington_alpha: z.number().gt(0).lt(1).optional(),
  ears_alpha: z.number().gt(0).lt(1).optional(),
  previous_week_p: z.number().min(0).max(1).optional().describe('a single-view signal counts when its cell had p at most this the week before'),
  open_fdr: z.number().gt(0).lt(1).optional().describe('a new warning needs a signal with a q-value at most this; an open one goes on at fdr'),
  open_days: z.number().int().min(1).optional().describe('a new warning needs complaints received on at least this many days'),
  emerging_below: z.number().gt(0).optional().describe('a word is tested as an emerging term while expected below this a week'),
  rise_weeks: z.number().int().min(1).max(2).optional().describe("2: a department's category is also judged over the two weeks to each; 1: weeks alone"),
  new_place_cases: z.number().int().min(0).optional().describe("a place's first complaints are tested below the guard from this many in a week; 0: never"),
  sentinel_group_days: z.number().int().min(0).optional().describe('records of one event class in one department within this many days of the first are one sentinel warning'),
});

export type EarlyWarningSettings = z.infer<typeof earlyWarningSchema>;

/** What a hospital may choose to publish that hearken otherwise redacts (README, "Privacy"). */
const privacySchema = z.strictObject({
  staff_names_in_department_packs: z
    .boolean()
    .optional()
    .describe("the quotes in departments/<slug>.html and .json keep staff names after a title; default false"),
});

/** How complaints are handled as cases (README, "The case and its clock"); each defaults to caseDefaults. */
const casesSchema = z.strictObject({
  clock_stops_at: z
    .array(z.enum(['closed', 'replied']))
    .optional()
    .describe('statuses that stop the clock; closed always does'),
  escalation_steps: z
    .array(z.number().int().min(1))
    .min(1)
    .refine((steps) => steps.every((step, i) => i === 0 || step > steps[i - 1]!), 'escalation_steps must ascend')
    .optional()
    .describe('working days past due at which a case moves up a step; past the first the supervising leader answers for it'),
  score_weights: z
    .strictObject({
      responded_in_time: z.number().min(0).optional(),
      resolution: z.number().min(0).optional(),
      solved: z.number().min(0).optional(),
      satisfaction: z.number().min(0).optional(),
    })
    .refine((weights) => Object.values(weights).some((weight) => weight > 0), 'score_weights needs a weight above 0')
    .optional()
    .describe('weights of the weighted score of the complaint rates; none by default'),
});

/** Below this DuckDB cannot hold even one row group of the marts' joins. */
const MIN_MEMORY_LIMIT_MB = 256;

const memoryDefaults = {
  /** Share of the machine's RAM the warehouse may take: the rest is Node's, the text workers' and the system's. */
  shareOfRam: 0.5,
  /** At most this: it leaves Node and its text workers room within the 6 GiB a run of 10 million records may take. */
  capMb: 4096,
} as const;

/**
 * The default memory limit of the warehouse: half the machine's RAM, at most 4 GiB. DuckDB's own
 * default is 80 % of RAM, which a run at scale takes and keeps.
 *
 * @example defaultMemoryLimitMb(8 * 1024 ** 3) // 4096
 */
export function defaultMemoryLimitMb(ramBytes: number = totalmem()): number {
  return Math.max(MIN_MEMORY_LIMIT_MB, Math.min(memoryDefaults.capMb, Math.floor((ramBytes / 1024 ** 2) * memoryDefaults.shareOfRam)));
}

/**
 * Rows of an input file staged at a time per MiB of the memory limit: a survey file of 2M responses
 * staged whole runs out of 400 MiB, and in slices of 100,000 or of 400,000 rows passes; files of 2M
 * rows staged whole pass under 4,096 MiB. Half of 1,000 a MiB, so a file of 2M rows stays whole at
 * the default limit (BENCHMARKS.md, "Staging a large file in slices").
 */
const SLICE_ROWS_PER_MB = 500;

/**
 * The rows of an input file staged at a time under a memory limit (pipeline/ingest/stage-slices.ts).
 *
 * @example defaultIngestSliceRows(4096) // 2048000
 */
export function defaultIngestSliceRows(memoryLimitMb: number): number {
  return memoryLimitMb * SLICE_ROWS_PER_MB;
}

const configFileSchema = z.strictObject({
  // checked by normalizeConfig, which refuses an unknown one as --lang's is refused: in every language
  language: z.string().optional(),
  hospital: z.string().trim().min(1).optional().describe('the hospital of files directly in the input folder; default: the folder\'s name'),
  timezone: z.string().optional(),
  timezones: z.record(z.string().min(1), z.string()).optional().describe('glob (relative to the input folder) → time zone'),
  calendar: calendarSchema.optional().describe('holiday calendar of holidays.csv, or none; default: from the time zone'),
  calendars: z.record(z.string().min(1), calendarSchema).optional().describe('glob (relative to the input folder) → calendar'),
  reference_dirs: z.array(z.string()).optional(),
  mapping_files: z.array(z.string()).optional(),
  mappings: z.array(mappingSchema).optional(),
  early_warning: earlyWarningSchema.optional(),
  privacy: privacySchema.optional(),
  cases: casesSchema.optional(),
  memory_limit_mb: z.number().int().min(MIN_MEMORY_LIMIT_MB).optional().describe('megabytes (MiB) the warehouse may hold in memory before it spills to disk; default: defaultMemoryLimitMb()'),
  ingest_slice_rows: z.number().int().min(1).optional().describe('rows of an input file staged at a time; default: defaultIngestSliceRows(memory limit)'),
});

export interface Config {
  /** Folder read recursively for input files. */
  inputDir: string;
  /** The DuckDB warehouse file. */
  dbPath: string;
  /** The published folder (site, warnings.json, run-summary.json, data/). */
  outDir: string;
  /** Analysis date YYYY-MM-DD; null means the date of the newest record, never after today. */
  asOf: string | null;
  /** Language of everything a person reads: CLI messages and the site. */
  language: Language;
  /**
   * The hospital of records in files directly in the input folder that have no `hospital` of their
   * own (contract section 1): the config's `hospital`, else the input folder's name. Files in a
   * sub-folder take the name of the first-level folder that holds them.
   */
  hospital: string;
  /** Hospital-local IANA time zone: date-times given with an offset are converted into it. */
  timezone: string;
  /** Zones for some input files (a group's hospitals in several countries); the first match wins. */
  timezonesByPath: { glob: string; zone: string }[];
  /**
   * Holiday calendar for complaint deadlines (working days): null derives it from each file's time
   * zone (Asia/Shanghai → CN, Asia/Ho_Chi_Minh → VN, others → none, weekends only).
   */
  calendar: string | null;
  /** Calendars for some input files; the first match wins, before `calendar`. */
  calendarsByPath: { glob: string; calendar: string }[];
  /** Folders whose reference tables are added to the shipped ones in data/reference. */
  referenceDirs: string[];
  /** Column mappings for files whose columns differ from the contract. */
  mappings: ColumnMapping[];
  /** The early-warning settings the hospital changed; detectionSettings adds the defaults. */
  detection: EarlyWarningSettings;
  /** How complaints are handled as cases: the clock, escalation steps, the weighted score. */
  cases: CaseSettings;
  /**
   * Whether the quotes of a department's own alert pack keep the names after a staff title (王医生,
   * bác sĩ Lan, Dr Smith). Default false: no name is published anywhere. Everything else stays
   * redacted either way.
   */
  staffNamesInDepartmentPacks: boolean;
  /** Seconds to wait when another run holds the warehouse. */
  waitSeconds: number;
  /** Print stacks of unexpected errors, and each model's time. */
  verbose: boolean;
  /** MiB DuckDB may hold in memory; past it, it spills to the temp folder beside the warehouse. */
  memoryLimitMb: number;
  /** Rows of an input file staged at a time (pipeline/ingest/stage-slices.ts); a smaller file is staged whole. */
  ingestSliceRows: number;
}

export const defaults = {
  inputDir: join(PROJECT_ROOT, 'data', 'sample'),
  dbPath: join(PROJECT_ROOT, 'data', 'hearken.duckdb'),
  outDir: join(PROJECT_ROOT, 'build'),
  referenceDir: join(PROJECT_ROOT, 'data', 'reference'),
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  waitSeconds: 0,
} as const;

/** What the command line gives; every field overrides the config file. */
export interface CliOptions {
  input?: string;
  db?: string;
  out?: string;
  asOf?: string;
  config?: string;
  mapping?: string[];
  lang?: string;
  timezone?: string;
  wait?: string;
  verbose?: boolean;
  memoryLimit?: string;
}

/** Config and mapping files are small; anything larger is some other file named by mistake. */
const MAX_JSON_BYTES = 1 << 20;

/**
 * Reads a JSON settings file. A user may name the wrong file (`--config export.csv`, `--mapping
 * /etc/passwd`), so the message names the file and the problem, with line and column where V8
 * gives a position, and never quotes the content: V8's own messages do ("Unexpected token 'r',
 * "root:x:0:0"... is not valid JSON"). A FIFO or device is refused before it is opened.
 */
function readJson(path: string, kind: 'config' | 'mapping', language: Language): unknown {
  const what = t(language, kind === 'config' ? 'settings.configFile' : 'settings.mappingFile');
  const fail = (key: MessageKey, values: Record<string, number> = {}) => new PipelineError('config', t(language, key, { what, path, ...values }), EXIT_USAGE);
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) throw fail('settings.missing');
  if (!info.isFile()) throw fail('settings.notFile');
  if (info.size > MAX_JSON_BYTES) throw fail('settings.tooLarge');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw fail('settings.unreadable');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = jsonProblem(text, error);
    throw fail(problem.key, problem.values);
  }
}

/** What is wrong with text that JSON.parse refused, told without quoting it: a message key and its line and column, where V8 gives a position. */
function jsonProblem(text: string, error: unknown): { key: MessageKey; values?: Record<string, number> } {
  if (text.trim() === '') return { key: 'settings.empty' };
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (position) {
    const before = text.slice(0, Number(position[1])).split('\n');
    return { key: 'settings.notJsonAt', values: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } };
  }
  if (!/^\uFEFF?\s*[{[]/.test(text)) return { key: 'settings.notJsonStart' };
  return { key: 'settings.notJson' };
}

/** Zod's own wording of a settings problem in the reader's language. */
const ZOD_LOCALES = { en: z.locales.en, zh: z.locales.zhCN, vi: z.locales.vi } as const;

/** The first problem in `language`: the path of the setting, then zod's words or the schema's own message, an i18n key filled with its issue's params. */
function formatIssues(error: z.ZodError, language: Language): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  // a record's key that fails its schema is reported as "invalid key": its own problem says why
  const first = issue.code === 'invalid_key' && issue.issues[0] !== undefined ? { ...issue.issues[0], path: issue.path } : issue;
  const params = 'params' in first && first.params !== undefined ? (first.params as Record<string, string | number>) : {};
  const message = isMessageKey(first.message) ? t(language, first.message, params) : first.message;
  return first.path.length > 0 ? `${first.path.join('.')}: ${message}` : message;
}

/**
 * Checks settings (a config, a mapping, a survey definition, a sentinel list) against their
 * schema; a problem is one line in `language`, the path of the setting first. A schema words its
 * own messages as i18n keys (with `params` for a custom issue's values), so every line is in the
 * reader's language.
 *
 * @example checkSettings(z.strictObject({ gap: z.number() }), { gap: 'x' }, 'en') // { ok: false, problem: 'gap: Invalid input: expected number, received string' }
 */
export function checkSettings<T extends z.ZodType>(schema: T, json: unknown, language: Language): { ok: true; data: z.infer<T> } | { ok: false; problem: string } {
  const parsed = schema.safeParse(json, { error: ZOD_LOCALES[language]().localeError });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problem: formatIssues(parsed.error, language) };
}

/** Checks a settings file against its schema; a problem is one line in `language`, the path of the setting first. */
function parseSettings<T extends z.ZodType>(schema: T, json: unknown, path: string, kind: 'config' | 'mapping', language: Language): z.infer<T> {
  const checked = checkSettings(schema, json, language);
  if (!checked.ok) throw new PipelineError('config', t(language, kind === 'config' ? 'config.invalid' : 'config.invalidMapping', { path, detail: checked.problem }), EXIT_USAGE);
  return checked.data;
}

function parseMappingFile(path: string, language: Language): ColumnMapping[] {
  const parsed = parseSettings(z.union([mappingSchema, z.array(mappingSchema)]), readJson(path, 'mapping', language), path, 'mapping', language);
  return Array.isArray(parsed) ? parsed : [parsed];
}

/**
 * The language of the user's locale, taken as POSIX does for messages: LC_ALL, else LC_MESSAGES,
 * else LANG; zh and vi locales give those languages, anything else English.
 *
 * @example languageFromEnvironment({ LANG: 'vi_VN.UTF-8' }) // 'vi'
 */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (locale.startsWith('zh')) return 'zh';
  if (locale.startsWith('vi')) return 'vi';
  return 'en';
}

/** The options that name a file or folder, as commander names them in a command's opts(). */
const PATH_OPTIONS = { input: '--input', db: '--db', out: '--out', config: '--config', mapping: '--mapping', evaluate: '--evaluate', truth: '--truth' } as const;

/** A path the shell left as written: `~` or `~user` at its start is not expanded inside quotes or after `--out=`. */
const UNEXPANDED_HOME = /^~[\w.-]*(\/|$)/;

/**
 * Refuses (exit 2) a path option that is empty (`--out "$SITE"` with SITE unset would otherwise fall
 * back to the default folder) or starts with an unexpanded `~` (which would make a folder named `~`
 * in the current folder, one `rm -rf ~` away from the home folder).
 *
 * @example checkPathOptions({ out: '' }, 'en') // throws: --out is empty; give a path
 */
export function checkPathOptions(options: Record<string, unknown>, language: Language): void {
  for (const [key, option] of Object.entries(PATH_OPTIONS)) {
    const given = options[key];
    for (const path of given === undefined ? [] : Array.isArray(given) ? given : [given]) {
      if (typeof path !== 'string') continue;
      if (path.trim() === '') throw new PipelineError('config', t(language, 'path.empty', { option }), EXIT_USAGE);
      if (UNEXPANDED_HOME.test(path)) throw new PipelineError('config', t(language, 'path.tilde', { option, path }), EXIT_USAGE);
    }
  }
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function caseSettings(given: z.infer<typeof casesSchema>): CaseSettings {
  return {
    clockStopsAt: given.clock_stops_at ? [...new Set(['closed' as const, ...given.clock_stops_at])] : caseDefaults.clockStopsAt,
    escalationSteps: given.escalation_steps ?? caseDefaults.escalationSteps,
    scoreWeights: given.score_weights ?? caseDefaults.scoreWeights,
  };
}

/**
 * A language hearken does not speak, given by --lang or a config file, told in every language it
 * does: the reader's own is the one thing not known, and the locale is no sure stand-in for it.
 *
 * @example unknownLanguage('fr') // 'unknown language: fr (use en, zh or vi) · 未知的语言：fr（可用 en、zh 或 vi） · ngôn ngữ không xác định: fr (dùng en, zh hoặc vi)'
 */
export function unknownLanguage(value: string): string {
  return LANGUAGES.map((language) => t(language, 'config.unknownLanguage', { language: value })).join(' · ');
}

/** Turns CLI options and an optional config file (given, or found in the input folder) into a Config. */
export function normalizeConfig(options: CliOptions, cwd = process.cwd()): Config {
  const inputDir = options.input ? resolve(cwd, options.input) : defaults.inputDir;
  const configPath = options.config ? resolve(cwd, options.config) : join(inputDir, CONFIG_FILE_NAME);
  // the file's own `language` is not known before the file is read: its problems are worded as --lang or the locale says
  const messageLanguage = (LANGUAGES as readonly string[]).includes(options.lang ?? '') ? (options.lang as Language) : languageFromEnvironment();
  if (options.config && !existsSync(configPath)) {
    throw new PipelineError('config', t(messageLanguage, 'settings.missing', { what: t(messageLanguage, 'settings.configFile'), path: configPath }), EXIT_USAGE);
  }
  const file: z.infer<typeof configFileSchema> = existsSync(configPath) ? parseSettings(configFileSchema, readJson(configPath, 'config', messageLanguage), configPath, 'config', messageLanguage) : {};
  const configDir = dirname(configPath);
  const mappings = [
    ...(file.mappings ?? []),
    ...(file.mapping_files ?? []).flatMap((p) => parseMappingFile(resolve(configDir, p), messageLanguage)),
    ...(options.mapping ?? []).flatMap((p) => parseMappingFile(resolve(cwd, p), messageLanguage)),
  ];

  for (const given of [options.lang, file.language]) {
    if (given !== undefined && !(LANGUAGES as readonly string[]).includes(given)) throw new PipelineError('config', unknownLanguage(given), EXIT_USAGE);
  }
  const reader = (options.lang ?? file.language ?? languageFromEnvironment()) as Language;
  const timezone = options.timezone ?? file.timezone ?? defaults.timezone;
  const timezonesByPath = Object.entries(file.timezones ?? {}).map(([glob, zone]) => ({ glob, zone }));
  for (const zone of [timezone, ...timezonesByPath.map((entry) => entry.zone)]) {
    if (!isValidTimeZone(zone)) throw new PipelineError('config', t(reader, 'config.unknownTimeZone', { zone }), EXIT_USAGE);
  }
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) {
    throw new PipelineError('config', t(reader, 'config.asOf', { given: options.asOf }), EXIT_USAGE);
  }
  const memoryLimitMb = options.memoryLimit === undefined ? (file.memory_limit_mb ?? defaultMemoryLimitMb()) : Number(options.memoryLimit);
  if (!Number.isInteger(memoryLimitMb) || memoryLimitMb < MIN_MEMORY_LIMIT_MB) {
    throw new PipelineError('config', t(messageLanguage, 'config.memoryLimit', { given: options.memoryLimit ?? '', min: MIN_MEMORY_LIMIT_MB }), EXIT_USAGE);
  }
  // a limit beyond the memory there is never makes DuckDB spill to disk: the system kills the run instead
  const ramMb = Math.floor(totalmem() / 1024 ** 2);
  if (memoryLimitMb > ramMb) {
    throw new PipelineError('config', t(messageLanguage, 'config.memoryLimitAboveRam', { given: options.memoryLimit ?? memoryLimitMb, ram: ramMb }), EXIT_USAGE);
  }
  const waitSeconds = options.wait === undefined ? defaults.waitSeconds : Number(options.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
    throw new PipelineError('config', t(reader, 'config.wait', { given: options.wait ?? '' }), EXIT_USAGE);
  }
  return {
    inputDir,
    dbPath: options.db ? resolve(cwd, options.db) : defaults.dbPath,
    outDir: options.out ? resolve(cwd, options.out) : defaults.outDir,
    asOf: options.asOf ?? null,
    language: reader,
    hospital: file.hospital ?? basename(inputDir),
    timezone,
    timezonesByPath,
    calendar: file.calendar ?? null,
    calendarsByPath: Object.entries(file.calendars ?? {}).map(([glob, calendar]) => ({ glob, calendar })),
    referenceDirs: [defaults.referenceDir, ...(file.reference_dirs ?? []).map((p) => resolve(configDir, p))],
    mappings,
    detection: file.early_warning ?? {},
    cases: caseSettings(file.cases ?? {}),
    staffNamesInDepartmentPacks: file.privacy?.staff_names_in_department_packs ?? false,
    waitSeconds,
    verbose: options.verbose ?? false,
    memoryLimitMb,
    ingestSliceRows: file.ingest_slice_rows ?? defaultIngestSliceRows(memoryLimitMb),
  };
}

/** The time zone of a file's hospital: the first `timezones` glob of the config that matches, else the default. */
export function timeZoneOf(relativePath: string, config: Config): string {
  return config.timezonesByPath.find(({ glob }) => picomatch(glob, { dot: true })(relativePath))?.zone ?? config.timezone;
}
