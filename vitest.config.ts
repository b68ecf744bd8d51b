import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Folders of unit tests: pure functions, charts and pages drawn from rows, statistics against R,
 * SQL macros against hand-worked cases. Their files share a test process and the modules it loaded
 * (see `projects` below).
 */
const UNIT_FOLDERS = ['statistics', 'frequency', 'reference', 'satisfaction', 'dashboards', 'detect', 'text', 'warnings', 'models'];

/** The files in those folders that run the pipeline or the CLI: each keeps a process of its own. */
const PIPELINE_FILES_IN_UNIT_FOLDERS = [
  'detect/command',
  'text/category-pages',
  'text/category-reuse',
  'text/stage',
  'warnings/detector-warnings',
  'warnings/hospitals',
  'warnings/sentinel-run',
  'warnings/warnings',
];

/**
 * Unit test files in the other folders, which mix them with files that run the pipeline: each named
 * here shares the unit tests' process; a file not named keeps a process of its own. A file belongs
 * here when it sets no environment variable, reaches no crash point, runs no stage beyond the
 * warehouse stage on an in-memory warehouse (`modelWarehouse`, `prepareSession`), spawns no process
 * and calls no command (`createWorkspace`, `main`, `runDetect`, `sampleRun`, `builtOnce`).
 */
const UNIT_FILES_ELSEWHERE = [
  'config',
  'copy-keys-used',
  'dates',
  'db',
  'errors',
  'i18n',
  'plan',
  'progress',
  'quarantine-reasons',
  'readme-table-index',
  'storage-fault',
  'table-writer',
  'time',
  'vitest-projects',
  'workers',
  'bench/figures',
  'fixes/fix-verdict',
  'ingest/columns',
  'ingest/encoding',
  'marts/complaint_channels_heat',
  'marts/complaint_monthly',
  'marts/dim_term',
  'marts/division_kpis',
  'marts/int_issue_months',
  'marts/month_topics',
  'marts/praise',
  'marts/quarantine_by_reason',
  'marts/satisfaction_modes',
  'publish/department-names',
  'publish/pack-quotes',
  'publish/partitioned-export',
  'publish/published-files',
  'publish/site-page',
  'publish/table-data',
  'real/pxtextmining-categories',
  'real/zh-department-keywords',
  'reports/periods',
  'reports/render',
  'reports/report_scope',
  'reports/report_warnings',
  'reports/week_rates',
  'sample/generate',
];

const UNIT_TESTS = UNIT_FOLDERS.map((folder) => `test/${folder}/**/*.test.ts`);
const PIPELINE_TESTS_IN_UNIT_FOLDERS = PIPELINE_FILES_IN_UNIT_FOLDERS.map((file) => `test/${file}.test.ts`);
const UNIT_TESTS_ELSEWHERE = UNIT_FILES_ELSEWHERE.map((file) => `test/${file}.test.ts`);

export default defineConfig({
  test: {
    // generous: with a file per core, two whole-pipeline tests share the machine's two cores, and a
    // test of several pipeline runs took 36-66 s in a fresh-clone CI run; a timeout is a hang guard,
    // never a performance check (those are `npm run bench`)
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // a test file per core: vitest's default keeps one core for its own process, which mostly
    // waits, so on two cores it ran one file at a time with the second core idle
    maxWorkers: availableParallelism(),
    // one scratch folder per project of a test run, for what several test files read and is built once (test/support/built-once.ts)
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        // a process per file loads every module its imports reach, about a second a file; the unit
        // tests hold no state between files (no environment, crash points or runs), so their files
        // run one after another in a process they share, each module loaded once (the 73 files:
        // 109 CPU-s isolated, 43 shared, also in shuffled order; with the 43 named elsewhere, which
        // took 101 CPU-s in a process each: 138 → 73 and 79 in two shuffled orders; 2026-12-06)
        test: { name: 'unit', include: [...UNIT_TESTS, ...UNIT_TESTS_ELSEWHERE], exclude: PIPELINE_TESTS_IN_UNIT_FOLDERS, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'pipeline',
          include: [`test/!(${UNIT_FOLDERS.join('|')})/**/*.test.ts`, 'test/*.test.ts', ...PIPELINE_TESTS_IN_UNIT_FOLDERS],
          exclude: UNIT_TESTS_ELSEWHERE,
        },
      },
    ],
  },
});
