import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../config.ts';
import { inTransaction, queryRows, runModel } from '../db.ts';
import { formatNumber, t } from '../i18n.ts';
import { warningLifecycle, type WarningStatus } from './lifecycle.ts';

/** Days from the as-of date to a warning's due date, by kind: the source practice's timers. */
export const WARNING_DUE_DAYS = { sla_breach: 1, satisfaction_drop: 7 } as const;

type WarningKind = keyof typeof WARNING_DUE_DAYS;

/** One warning of contract section 4, with the text for people in the site's language. */
export interface Warning {
  id: string;
  kind: WarningKind;
  department: string | null;
  category: string | null;
  location: string | null;
  keywords: string[];
  period_start: string;
  period_end: string;
  observed: number;
  expected: number;
  method: string;
  severity: 'high' | 'medium' | 'low';
  status: WarningStatus;
  evidence_ids: string[];
  summary: string;
  suggested_action: string;
  due_date: string;
}

/** The warnings file of contract section 4. */
export interface WarningsFile {
  generated_at: string;
  as_of: string;
  warnings: Warning[];
}

/** A row of mart_warning_candidates: the warning's facts before its id, status and text. */
type CandidateRow = Omit<Warning, 'id' | 'status' | 'summary' | 'suggested_action' | 'due_date'> & {
  warning_key: string;
  /** For people: the rule that fired (sla_breach: the most working days overdue). */
  reason: string;
  /** satisfaction_drop: the month that fell, YYYY-MM. */
  month: string | null;
};

interface LogRow {
  id: string;
  first_as_of: string;
  last_as_of: string;
  resolved_as_of: string | null;
  warning: string;
}

/** A warning's id: a digest of what it is about, so the same problem keeps one id across runs. */
export function warningId(key: string): string {
  return `W-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function describe(row: CandidateRow, config: Config): Pick<Warning, 'summary' | 'suggested_action'> {
  const language = config.language;
  const department = row.department ?? t(language, 'warning.hospital');
  const percent = (value: number) => formatNumber(language, Math.round(value * 10) / 10);
  const summary =
    row.kind === 'sla_breach'
      ? t(language, 'warning.summary.sla_breach', { department, count: formatNumber(language, row.observed), days: row.reason })
      : t(language, 'warning.summary.satisfaction_drop', { department, month: row.month ?? '', observed: percent(row.observed), expected: percent(row.expected), reason: row.reason });
  return { summary, suggested_action: t(language, `warning.action.${row.kind}`) };
}

/**
 * The warnings of a run (contract section 4): the candidates the marts support at the as-of
 * date (mart_warning_candidates), each with a stable id, its status across runs (new, ongoing,
 * resolved: warningLifecycle over warning_log), a summary and suggested action in the site's
 * language and a due date. Resolved warnings are published once, as they last stood.
 */
export async function buildWarnings(connection: DuckDBConnection, config: Config, asOf: string, generatedAt: string): Promise<WarningsFile> {
  await runModel(connection, 'marts/mart_warning_candidates');
  const candidates = await queryRows<CandidateRow>(
    connection,
    "select * exclude (period_start, period_end), strftime(period_start, '%Y-%m-%d') as period_start, strftime(period_end, '%Y-%m-%d') as period_end from mart_warning_candidates",
  );
  const log = await queryRows<LogRow>(
    connection,
    "select id, strftime(first_as_of, '%Y-%m-%d') as first_as_of, strftime(last_as_of, '%Y-%m-%d') as last_as_of, strftime(resolved_as_of, '%Y-%m-%d') as resolved_as_of, warning::varchar as warning from warning_log",
  );
  const raised = new Map(candidates.map((row) => [warningId(row.warning_key), row]));
  const lifecycle = warningLifecycle(
    [...raised.keys()],
    log.map((row) => ({ id: row.id, firstAsOf: row.first_as_of, lastAsOf: row.last_as_of, resolvedAsOf: row.resolved_as_of })),
    asOf,
  );
  const published = new Map(log.map((row) => [row.id, JSON.parse(row.warning) as Warning]));
  const warnings: Warning[] = [];
  for (const [id, status] of lifecycle.statuses) {
    const row = raised.get(id);
    if (row === undefined) {
      const last = published.get(id);
      if (last !== undefined) warnings.push({ ...last, status });
      continue;
    }
    const { warning_key: _key, reason: _reason, month: _month, ...fields } = row;
    const warning: Warning = { id, ...fields, status, ...describe(row, config), due_date: addDays(asOf, WARNING_DUE_DAYS[row.kind]) };
    warnings.push(warning);
    published.set(id, warning);
  }
  const order = { high: 0, medium: 1, low: 2 } as const;
  warnings.sort((a, b) => order[a.severity] - order[b.severity] || a.kind.localeCompare(b.kind) || (a.department ?? '').localeCompare(b.department ?? ''));
  await inTransaction(connection, async () => {
    await connection.run('delete from warning_log');
    for (const entry of lifecycle.log) {
      await connection.run('insert into warning_log values ($id, $first::date, $last::date, $resolved::date, $warning::json)', {
        id: entry.id,
        first: entry.firstAsOf,
        last: entry.lastAsOf,
        resolved: entry.resolvedAsOf,
        warning: JSON.stringify(published.get(entry.id) ?? {}),
      });
    }
  });
  return { generated_at: generatedAt, as_of: asOf, warnings };
}
