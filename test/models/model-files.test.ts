import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/config.ts';
import { TRAILING_MODELS, UPDATED_MODELS } from '../../pipeline/plan.ts';

/** Every SQL file under models/, relative to it with `/`. */
const modelFiles = readdirSync(join(PROJECT_ROOT, 'models'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
  .map((entry) => relative(join(PROJECT_ROOT, 'models'), join(entry.parentPath, entry.name)).split('\\').join('/'))
  .sort();

/** The relations (tables, views) and macros a file creates, by name, in the order written. */
function created(file: string, kind: 'relation' | 'macro'): string[] {
  const sql = readFileSync(join(PROJECT_ROOT, 'models', file), 'utf8').replace(/--.*$/gm, '');
  const pattern = kind === 'macro' ? /\bcreate\s+(?:or\s+replace\s+)?(?:temp\s+|temporary\s+)?macro\s+([a-z_0-9]+)/gi : /\bcreate\s+(?:or\s+replace\s+)?(?:temp\s+|temporary\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?([a-z_0-9.]+)/gi;
  return [...sql.matchAll(pattern)].map((match) => match[1]!.toLowerCase());
}

/**
 * Files that create several relations on purpose: load_survey's working table lives only for the
 * statements of that load.
 */
const SEVERAL = new Map<string, string>([
  ['load/load_survey.sql', 'survey_incoming, the working table of the one load'],
]);

describe('models/: one relation per file, named as the relation', () => {
  it.each(modelFiles.filter((file) => !file.startsWith('macros/') && !SEVERAL.has(file)))('%s creates at most one relation, named as the file', (file) => {
    const relations = created(file, 'relation');
    const name = basename(file, '.sql');
    // An incremental model gives the rows of its changed records, a partitioned one those of its
    // changed periods, a trailing one those of its changed days (from the records it reads first,
    // `_input`, in slices); the plan merges them into the relation.
    const model = file.replace(/\.sql$/, '');
    const expected = model in TRAILING_MODELS ? [`${name}_input`, `${name}_changed`] : [UPDATED_MODELS.has(model) ? `${name}_changed` : name];
    if (relations.length > 0) expect(relations).toEqual(expected);
  });

  it.each(modelFiles.filter((file) => file.startsWith('macros/')))('%s creates the macro it is named after (and the helpers that macro uses)', (file) => {
    expect(created(file, 'relation')).toEqual([]);
    expect(created(file, 'macro')).toContain(basename(file, '.sql'));
  });
});

/** Every TypeScript file of the product code, relative to the project root with `/`. */
const codeFiles = ['pipeline', 'dashboards'].flatMap((dir) =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)).split('\\').join('/')),
);

/**
 * The relations TypeScript still creates, each because no fixed SQL file can: its columns come
 * from what a run reads (a file's header) or from a model's own view. Anything else is DDL for models/.
 */
const CREATED_IN_CODE = new Map<string, string>([
  ['pipeline/ingest/read-raw.ts raw_rows', "an input file's rows under its own header's column names"],
  ['pipeline/ingest/stage-slices.ts input_rows', "the file's header mapped to the contract's columns (one slice of its rows, or all)"],
  ['pipeline/ingest/reference.ts ${table}', "a reference file's columns as its header names them (a hospital's may carry more)"],
  ['pipeline/plan.ts ${relation}', "an incremental mart, made empty from its model's `_changed` view"],
]);

describe('DDL lives in models/, not in TypeScript', () => {
  it('TypeScript creates only the relations whose columns no fixed file can state', () => {
    const pattern = /\bcreate\s+(?:or\s+replace\s+)?(?:temp\s+|temporary\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?([a-z_0-9.${}]+)/gi;
    const found = new Set(codeFiles.flatMap((file) => [...readFileSync(join(PROJECT_ROOT, file), 'utf8').matchAll(pattern)].map((match) => `${file} ${match[1]!}`)));
    expect([...found].sort()).toEqual([...CREATED_IN_CODE.keys()].sort());
  });
});
