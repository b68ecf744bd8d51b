import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { LANGUAGES, checkPathOptions, languageFromEnvironment, normalizeConfig, unknownLanguage, type CliOptions, type Language } from './config.ts';
import { DETECTORS } from './detect/methods.ts';
import { EXIT_FAILURE, EXIT_USAGE, PipelineError, oneLine, printable } from './errors.ts';
import { formatNumber, t, type MessageKey } from './i18n.ts';
import { notReadText } from './ingest/discover.ts';
import { fileErrorText } from './ingest/file-rejection.ts';
import { quarantineReasonText } from './quarantine-reasons.ts';
import { terminalProgress } from './progress.ts';
import type { RunSummary } from './publish/run-summary.ts';
import { withheldInLanguage } from './publish/withheld-value.ts';

/** The language for help text, before any config is read: --lang if given, else the locale. */
function helpLanguage(argv: readonly string[]): Language {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const given = index < 0 ? undefined : argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
  if (given && (LANGUAGES as readonly string[]).includes(given)) return given as Language;
  return languageFromEnvironment();
}

/** Entries not read that the summary names on the terminal; run-summary.json lists them all. */
const NOT_READ_SHOWN = 20;

/** What a run prints on the terminal when it is done: its files, totals and data-quality findings, line by line in `language`. */
export function printSummary(summary: RunSummary, language: Language, outDir: string, writeLine: (line: string) => void): void {
  // file, department and folder names are the user's: printed only through printable
  const write = (line: string) => writeLine(printable(line));
  const n = (value: number) => formatNumber(language, value);
  write(`${t(language, 'run.summaryTitle')} (${summary.as_of})`);
  for (const file of summary.files) {
    const reasons = Object.entries(file.quarantine_reason_codes).map(([code, count]) => `${quarantineReasonText(language, code)}: ${n(count)}`).join('; ');
    const counts = t(language, 'run.fileCounts', { read: n(file.rows_read), loaded: n(file.loaded), duplicates: n(file.duplicates), quarantined: n(file.quarantined) });
    const detail = fileErrorText(language, file) ?? `${counts}${reasons ? ` (${reasons})` : ''}`;
    write(`  ${file.path} [${t(language, `status.${file.status}`)}] ${detail}`);
    if (file.recoded_lines) {
      const lines = (file.recoded_examples ?? []).map((r) => `${r.line} (${r.encoding})`).join(', ');
      write(`    ${t(language, 'run.recoded', { count: n(file.recoded_lines), lines: file.recoded_lines > (file.recoded_examples ?? []).length ? `${lines}, …` : lines })}`);
    }
  }
  for (const file of summary.fixes ?? []) {
    const reasons = Object.entries(file.quarantine_reason_codes).map(([code, count]) => `${quarantineReasonText(language, code)}: ${n(count)}`).join('; ');
    const counts = t(language, 'run.fixesCounts', { read: n(file.rows_read), reviewed: n(file.reviewed), quarantined: n(file.quarantined) });
    write(`  ${file.path} [${t(language, `status.${file.status}`)}] ${fileErrorText(language, file) ?? `${counts}${reasons ? ` (${reasons})` : ''}`}`);
  }
  const { totals } = summary;
  write(t(language, 'run.totals', { files: n(summary.files.length), read: n(totals.rows_read), loaded: n(totals.loaded), duplicates: n(totals.duplicates), quarantined: n(totals.quarantined) }));
  write(t(language, 'run.warehouse', { feedback: n(summary.records_in_warehouse.feedback), survey: n(summary.records_in_warehouse.survey) }));
  // a mistyped or unmounted --input on a new warehouse would otherwise publish an empty site in silence
  if (summary.files.length === 0 && summary.not_read.length === 0 && summary.records_in_warehouse.total === 0) write(t(language, 'run.nothingRead'));
  const unknown = summary.data_quality.unknown_departments;
  if (unknown.length > 0) write(t(language, 'run.unknownDepartments', { count: n(unknown.length), names: unknown.slice(0, 8).map((d) => withheldInLanguage(d.name, language)).join(', ') }));
  if (summary.not_read.length > 0) {
    const shown = summary.not_read.slice(0, NOT_READ_SHOWN).map((entry) => `${entry.path} (${notReadText(language, entry)})`);
    if (summary.not_read.length > NOT_READ_SHOWN) shown.push('…');
    write(t(language, 'run.notRead', { count: n(summary.not_read.length), entries: shown.join('; ') }));
  }
  write(t(language, 'run.published', { out: outDir }));
}

/** The options `run` and `backtest` share: how to read the input, and the language to answer in. */
function withReadingOptions(command: Command, language: Language, verboseHelp: MessageKey = 'opt.verbose'): Command {
  return command
    .option('--config <file>', t(language, 'opt.config'))
    .option('--mapping <file...>', t(language, 'opt.mapping'))
    .addOption(new Option('--lang <language>', t(language, 'opt.lang')).choices(LANGUAGES))
    .option('--timezone <zone>', t(language, 'opt.timezone'))
    .option('--verbose', t(language, verboseHelp));
}

function buildProgram(language: Language, io: CliIo): Command {
  const program = new Command('hearken')
    .description(t(language, 'cli.description'))
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      // commander's own words are English: main() words its errors in the user's language instead
      outputError: () => {},
    })
    .showHelpAfterError(false)
    .hook('preAction', (_program, action) => checkPathOptions(action.opts(), language));

  const runCommand = program
    .command('run')
    .description(t(language, 'cli.run'))
    .option('--input <dir>', t(language, 'opt.input'))
    .option('--db <file>', t(language, 'opt.db'))
    .option('--out <dir>', t(language, 'opt.out'))
    .option('--as-of <date>', t(language, 'opt.asOf'))
    .option('--wait <seconds>', t(language, 'opt.wait'))
    .option('--memory-limit <MB>', t(language, 'opt.memoryLimit'));
  // each command loads its stages when it runs: help and usage errors need none of them
  withReadingOptions(runCommand, language, 'opt.verboseTimes').action(async (options: CliOptions) => {
    const config = normalizeConfig(options);
    const { run } = await import('./run.ts');
    const { summary } = await run(config, io.progress());
    printSummary(summary, config.language, config.outDir, (line) => io.out(`${line}\n`));
  });
  const backtestCommand = program
    .command('backtest')
    .description(t(language, 'cli.backtest'))
    .requiredOption('--input <dir>', t(language, 'opt.backtestInput'))
    .requiredOption('--from <date>', t(language, 'opt.from'))
    .requiredOption('--to <date>', t(language, 'opt.to'))
    .requiredOption('--out <file>', t(language, 'opt.backtestOut'))
    .option('--db <file>', t(language, 'opt.backtestDb'))
    .option('--evaluate <file>', t(language, 'opt.evaluate'))
    .option('--truth <file>', t(language, 'opt.truth'));
  withReadingOptions(backtestCommand, language, 'opt.verboseBacktestTimes').action(async (options: CliOptions & { from: string; to: string; out: string; evaluate?: string; truth?: string }) => {
    const { from, to, out, evaluate, truth, ...rest } = options;
    const config = normalizeConfig(rest);
    const evaluateFile = evaluate === undefined ? null : resolve(evaluate);
    const truthFile = truth === undefined ? null : resolve(truth);
    const { knownProblemsMarkdown, runBacktest } = await import('./backtest.ts');
    const { file, evaluation, known } = await runBacktest(config, { from, to, out: resolve(out), warehouse: rest.db ? config.dbPath : null, evaluate: evaluateFile, truth: truthFile }, io.progress());
    const n = (value: number) => formatNumber(config.language, value);
    const ids = new Set(file.warnings.map((warning) => warning.id));
    io.out(`${printable(t(config.language, 'backtest.done', { runs: n(file.runs), warnings: n(ids.size), out: resolve(out) }))}\n`);
    if (evaluation !== null) io.out(`${printable(t(config.language, 'backtest.evaluated', { cells: n(evaluation.cells), skipped: n(evaluation.skipped), out: evaluation.out }))}\n`);
    if (known !== null) {
      const rises = known.scores.find((score) => score.kind === 'rise' && score.hospital === null)!;
      io.out(`${printable(t(config.language, 'backtest.kindsScored', { truth: known.truth, found: n(rises.found), planted: n(rises.planted), pointing: n(rises.pointing), warnings: n(rises.warnings) }))}\n`);
      // without a Markdown evaluation to hold it, the table goes to the terminal
      if (evaluation === null || !/\.md$/i.test(evaluation.out)) io.out(knownProblemsMarkdown(known, config).split('\n').map(printable).join('\n'));
    }
  });
  program
    .command('detect')
    .description(t(language, 'cli.detect'))
    .requiredOption('--input <file>', t(language, 'opt.detectInput'))
    .requiredOption('--out <file>', t(language, 'opt.detectOut'))
    .addOption(new Option('--method <name>', t(language, 'opt.method')).choices(Object.keys(DETECTORS)))
    .addOption(new Option('--lang <language>', t(language, 'opt.lang')).choices(LANGUAGES))
    .option('--verbose', t(language, 'opt.verbose'))
    .action(async (options: { input: string; out: string; method?: string }) => {
      const input = resolve(options.input);
      const out = resolve(options.out);
      const { runDetect } = await import('./detect/command.ts');
      const result = await runDetect({ input, out, method: options.method, language }, io.progress());
      io.out(`${printable(t(language, 'detect.done', { series: formatNumber(language, result.series), rows: formatNumber(language, result.rows), out }))}\n`);
    });
  return program;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  progress: () => ReturnType<typeof terminalProgress>;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  progress: () => terminalProgress(process.stderr),
};

/** Commander's errors that are not errors: help or the version shown, on request or for a bare `hearken`. */
const COMMANDER_OUTPUTS: ReadonlySet<string> = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * A usage error of commander's, worded in `language`: its code says which, and the names it
 * quotes are taken from its English message (commander 14's wording). An error of another kind,
 * or one whose wording commander changed, is shown as commander words it.
 *
 * @example commanderMessage('zh', new CommanderError(1, 'commander.unknownOption', "error: unknown option '--inptu'\n(Did you mean --input?)"))
 *   // "未知选项 '--inptu'（是否要用 --input？）"
 */
export function commanderMessage(language: Language, error: CommanderError): string {
  const [first = '', ...rest] = error.message.split('\n');
  const suggested = /\(Did you mean (.+)\?\)/.exec(rest.join(' '));
  const hint = suggested ? t(language, 'cli.didYouMean', { name: suggested[1]! }) : '';
  const quoted = /'(.*)'/.exec(first)?.[1];
  const english = `${first.replace(/^error: /, '')}${rest.length > 0 ? ` ${rest.join(' ')}` : ''}`;
  switch (error.code) {
    case 'commander.unknownOption':
      return quoted === undefined ? english : t(language, 'cli.unknownOption', { option: quoted, hint });
    case 'commander.unknownCommand':
      return quoted === undefined ? english : t(language, 'cli.unknownCommand', { command: quoted, hint });
    case 'commander.missingMandatoryOptionValue':
      return quoted === undefined ? english : t(language, 'cli.requiredOption', { option: quoted });
    case 'commander.optionMissingArgument':
      return quoted === undefined ? english : t(language, 'cli.optionArgumentMissing', { option: quoted });
    case 'commander.missingArgument':
      return quoted === undefined ? english : t(language, 'cli.missingArgument', { argument: quoted });
    case 'commander.invalidArgument': {
      const choice = /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(first);
      if (choice?.[1]?.startsWith('--lang ')) return unknownLanguage(choice[2]!);
      return choice ? t(language, 'cli.invalidChoice', { option: choice[1]!, value: choice[2]!, choices: choice[3]! }) : english;
    }
    case 'commander.excessArguments': {
      const excess = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(first);
      return excess ? t(language, 'cli.tooManyArguments', { command: excess[1] ?? 'hearken', expected: excess[2]!, received: excess[3]! }) : english;
    }
    default:
      return english;
  }
}

/** Runs the CLI and returns the exit code of contract section 2: 0 done, 2 usage, 1 failure. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const language = helpLanguage(argv);
  const program = buildProgram(language, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      // commander quotes the argument it refuses: it may hold control characters
      if (!COMMANDER_OUTPUTS.has(error.code)) io.err(`hearken: ${printable(commanderMessage(language, error))}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof PipelineError) {
      // our own message, one line by construction: only the names quoted in it need making printable
      io.err(`hearken: ${printable(error.message)}\n`);
      return error.exitCode;
    }
    io.err(`hearken: ${oneLine(error)}\n`);
    if (argv.includes('--verbose') && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}
