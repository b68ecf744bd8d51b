/**
 * Runs Markdown notebooks against the warehouse, read-only, and writes each one's rendered copy
 * (the notebook with every cell's result below it) to --out. See notebooks/cells.ts for the format.
 *
 *   npm run notebooks -- [NOTEBOOK.md ...] [--db FILE] [--out DIR] [--set name=value ...] [--quick]
 *
 * With no notebook named it runs every notebooks/*.md. A failing cell stops the run with exit 1 and
 * `file:line: cause`; a usage error exits 2.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PROJECT_ROOT, defaults as configDefaults } from '../pipeline/config.ts';
import { setVariables } from '../pipeline/db.ts';
import { EXIT_FAILURE, EXIT_USAGE, PipelineError, oneLine, printable } from '../pipeline/errors.ts';
import { writeFileAtomically } from '../pipeline/publish/output-file.ts';
import { parseNotebook, parseParams, type Cell } from './cells.ts';
import { createContext, runQuery } from './context.ts';
import { markdownTable } from './table.ts';

const NOTEBOOKS_DIR = join(PROJECT_ROOT, 'notebooks');

export const runnerDefaults = {
  db: configDefaults.dbPath,
  out: join(NOTEBOOKS_DIR, 'rendered'),
} as const;

export interface RunOptions {
  notebooks: string[];
  db: string;
  out: string;
  /** --set name=value, and quick=true for --quick. */
  params: Record<string, string>;
}

/** A ```ts cell as a module: its one-line imports on top, the rest as the body of `cell(nb)`. */
function cellModule(source: string): string {
  const lines = source.split('\n');
  const imports = lines.filter((line) => /^import\s/.test(line));
  const body = lines.filter((line) => !/^import\s/.test(line));
  const context = pathToFileURL(join(NOTEBOOKS_DIR, 'context.ts')).href;
  return `${imports.join('\n')}\nexport default async function cell(nb: import(${JSON.stringify(context)}).NotebookContext): Promise<void> {\n${body.join('\n')}\n}\n`;
}

/** Cells run so far: each cell's module gets a name of its own, as import() caches by name. */
let cellsRun = 0;

/** Runs a ```ts cell from a module beside the notebook, so its imports resolve as the notebook's would. */
async function runTsCell(notebookPath: string, source: string, run: (module: { default: (nb: unknown) => Promise<void> }) => Promise<void>): Promise<void> {
  cellsRun += 1;
  const file = join(dirname(notebookPath), `.cell-${process.pid}-${cellsRun}.ts`);
  await writeFile(file, cellModule(source));
  try {
    await run((await import(pathToFileURL(file).href)) as { default: (nb: unknown) => Promise<void> });
  } finally {
    await rm(file, { force: true });
  }
}

/** Runs one notebook and returns its rendered Markdown. */
export async function renderNotebook(path: string, connection: DuckDBConnection, db: string, given: Record<string, string>, now: Date): Promise<string> {
  const name = relative(process.cwd(), path) || path;
  let cells: Cell[];
  try {
    cells = parseNotebook(await readFile(path, 'utf8'));
  } catch (error) {
    throw new PipelineError('notebook', `${name}: ${oneLine(error)}`, EXIT_USAGE);
  }
  // --set reaches the SQL of a notebook with no params cell too
  const params: Record<string, string> = { ...given };
  await setVariables(connection, params);
  const state: Record<string, unknown> = {};
  const scratch = await mkdtemp(join(tmpdir(), 'hearken-notebook-'));
  // which data the copy shows: the newest file the warehouse took in, and the run that loaded it
  const [loaded] = (await runQuery(connection, "select strftime(read_at, '%Y-%m-%d %H:%M') as read_at, run_id from ingested_files order by read_at desc limit 1")).rows;
  const source = loaded === undefined ? 'no file loaded yet' : `newest file loaded ${String(loaded.read_at)} by run ${String(loaded.run_id)}`;
  const parts: string[] = [`> Rendered ${now.toISOString()} by \`notebooks/run.ts\` from the warehouse ${basename(db)} (read-only; ${source}).\n\n`];
  try {
    for (const cell of cells) {
      if (cell.kind === 'prose') {
        parts.push(cell.text);
        continue;
      }
      parts.push(cell.fence);
      const output: string[] = [];
      try {
        if (cell.kind === 'params') {
          Object.assign(params, parseParams(cell.source), given);
          await setVariables(connection, params);
          output.push(markdownTable(['parameter', 'value'], Object.entries(params).map(([parameter, value]) => ({ parameter, value }))));
        } else if (cell.kind === 'sql') {
          const result = await runQuery(connection, cell.source);
          if (result.columns.length > 0 && !(result.columns.length === 1 && result.columns[0] === 'Success')) output.push(markdownTable(result.columns, result.rows));
        } else {
          const context = createContext(connection, { params, db, scratch, state }, output);
          await runTsCell(path, cell.source, (module) => module.default(context));
        }
      } catch (error) {
        throw new PipelineError('notebook', `${name}:${cell.line}: ${cell.kind} cell failed: ${oneLine(error)}`);
      }
      if (output.length > 0) parts.push('\n', ...output, '\n');
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return parts.join('');
}

/** Every notebook of notebooks/, in name order. */
async function allNotebooks(): Promise<string[]> {
  return (await readdir(NOTEBOOKS_DIR)).filter((file) => file.endsWith('.md')).sort().map((file) => join(NOTEBOOKS_DIR, file));
}

/** Runs the notebooks, writing OUT/<name>.md for each; returns the files written. */
export async function runNotebooks(options: RunOptions, now: Date = new Date()): Promise<string[]> {
  const notebooks = options.notebooks.length > 0 ? options.notebooks.map((path) => resolve(path)) : await allNotebooks();
  if ((await stat(options.db).catch(() => null))?.isFile() !== true) {
    throw new PipelineError('notebook', `no warehouse at ${options.db}: run hearken first or pass --db FILE`, EXIT_USAGE);
  }
  const instance = await DuckDBInstance.create(options.db, { access_mode: 'READ_ONLY' });
  const written: string[] = [];
  try {
    await mkdir(options.out, { recursive: true });
    for (const notebook of notebooks) {
      // each notebook in its own session: variables and temp objects of one never reach the next
      const connection = await instance.connect();
      try {
        const rendered = await renderNotebook(notebook, connection, options.db, options.params, now);
        const target = join(options.out, basename(notebook));
        await writeFileAtomically(target, rendered);
        written.push(target);
      } finally {
        connection.closeSync();
      }
    }
  } finally {
    instance.closeSync();
  }
  return written;
}

function parseSetting(text: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text);
  if (match === null) throw new PipelineError('notebook', `--set takes name=value, not ${text}`, EXIT_USAGE);
  return { ...previous, [match[1]!]: match[2]! };
}

/** The command line; returns the exit code (0 done, 2 usage, 1 a cell failed). */
export async function main(argv: readonly string[], write: (text: string) => void = (text) => process.stderr.write(text)): Promise<number> {
  const program = new Command('notebooks')
    .description('run the notebooks against the warehouse (read-only) and write their rendered copies')
    .argument('[notebook...]', 'Markdown notebooks (default: every notebooks/*.md)')
    .option('--db <file>', 'the warehouse', runnerDefaults.db)
    .option('--out <dir>', 'folder for the rendered copies', runnerDefaults.out)
    .option('--set <name=value>', 'a parameter (repeatable)', parseSetting, {})
    .option('--quick', 'set the parameter quick=true (a short run, as CI does)')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: write });
  try {
    program.parse([...argv], { from: 'user' });
    const options = program.opts<{ db: string; out: string; set: Record<string, string>; quick?: boolean }>();
    const params = { ...options.set, ...(options.quick ? { quick: 'true' } : {}) };
    const written = await runNotebooks({ notebooks: program.args, db: resolve(options.db), out: resolve(options.out), params });
    for (const file of written) write(`${printable(file)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    write(`notebooks: ${error instanceof PipelineError ? printable(error.message) : oneLine(error)}\n`);
    return error instanceof PipelineError ? error.exitCode : EXIT_FAILURE;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
