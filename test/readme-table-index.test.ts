// The README's table index ("Where each table is made"), drawn from the code: every relation a
// model file creates, the reference tables, and the working tables TypeScript makes, each with its
// file and the stage and step that builds it. A README that no longer matches fails;
// `UPDATE_GOLDENS=1 npx vitest run test/readme-table-index.test.ts` writes it, to be read and committed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../pipeline/config.ts';
import { REFERENCE_TABLES } from '../pipeline/ingest/reference.ts';
import { PLAN } from '../pipeline/plan.ts';

const README = join(PROJECT_ROOT, 'README.md');
const START = '<!-- table index: drawn from the code by test/readme-table-index.test.ts; do not edit by hand -->';
const END = '<!-- end of table index -->';

/** Every file under `dir` (from the project root) ending in `suffix`, relative to the root with `/`. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The names of the tables and views a text creates under a literal name. */
function createdIn(text: string): string[] {
  const pattern = /\bcreate\s+(?:or\s+replace\s+)?(?:temp\s+|temporary\s+)?(table|view)\s+(?:if\s+not\s+exists\s+)?(?!if\b)([a-z_][a-z_0-9]*)\b/gi;
  return [...text.replace(/--.*$/gm, '').matchAll(pattern)].map((match) => match[2]!.toLowerCase());
}

/** Where in the plan each model runs: `stage · step` (a model step is named by its stage alone). */
function planPlaces(): Map<string, string> {
  const places = new Map<string, string>();
  for (const stage of PLAN) {
    for (const step of stage.steps) {
      const place = 'step' in step ? `${stage.stage} · ${step.step}` : stage.stage;
      for (const model of step.models) if (!places.has(model)) places.set(model, place);
    }
  }
  return places;
}

/** The index as Markdown rows: relation, where it is defined, which stage builds it. */
function tableIndex(): string {
  const places = planPlaces();
  const rows: [string, string, string][] = [];
  for (const file of filesUnder('models', '.sql')) {
    const model = file.slice('models/'.length, -'.sql'.length);
    for (const name of createdIn(readFileSync(join(PROJECT_ROOT, file), 'utf8'))) rows.push([name, file, places.get(model) ?? '(not in the plan)']);
  }
  for (const [table, fileName] of Object.entries(REFERENCE_TABLES)) rows.push([table, `data/reference/${fileName} (read by pipeline/ingest/reference.ts)`, 'warehouse · referenceTables']);
  const stages = new Set<string>(PLAN.map((stage) => stage.stage));
  for (const file of ['pipeline', 'dashboards'].flatMap((dir) => filesUnder(dir, '.ts'))) {
    const folder = file.split('/')[1] ?? '';
    for (const name of createdIn(readFileSync(join(PROJECT_ROOT, file), 'utf8'))) rows.push([name, `${file} (a working table of its code)`, stages.has(folder) ? folder : '—']);
  }
  const unique = [...new Map(rows.map((row) => [`${row[0]} ${row[1]}`, row])).values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ['| relation | defined in | built in (stage · step) |', '|---|---|---|', ...unique.map(([name, file, place]) => `| \`${name}\` | ${file} | ${place} |`)].join('\n');
}

describe('the README table index', () => {
  it('names every table and view, the file that defines it and the stage that builds it', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, `README.md has no line ${START}`).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const drawn = tableIndex();
    if (process.env.UPDATE_GOLDENS === '1') writeFileSync(README, `${readme.slice(0, start + START.length)}\n${drawn}\n${readme.slice(end)}`);
    else expect(readme.slice(start + START.length, end).trim(), 'the README table index is stale: UPDATE_GOLDENS=1 npx vitest run test/readme-table-index.test.ts').toBe(drawn);
  });
});

describe('the README stage plan', () => {
  it('draws every stage of pipeline/plan.ts in order, with each of its TypeScript steps', () => {
    const readme = readFileSync(README, 'utf8');
    const drawing = readme.slice(readme.indexOf('stage         models (models/…)'), readme.indexOf('```', readme.indexOf('stage         models (models/…)')));
    // the first line is the drawing's header ("stage  models …")
    const drawnStages = [...drawing.matchAll(/^([a-z]+) {2,}/gm)].map((match) => match[1]).slice(1);
    expect(drawnStages).toEqual(PLAN.map((stage) => stage.stage));
    const steps = PLAN.flatMap((stage) => stage.steps.flatMap((step) => ('step' in step ? [step.step] : [])));
    expect(steps.filter((step) => !new RegExp(`\\b${step}\\b`).test(drawing))).toEqual([]);
  });
});
