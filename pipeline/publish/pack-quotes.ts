import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { cutQuote } from '../frequency/quotes.ts';
import { appendRows } from '../table-writer.ts';
import type { Warning } from '../warnings/warnings.ts';

/** A record a warning may quote: the redacted text its quote was cut from, and that text with staff names kept. */
export interface PackQuoteText {
  id: string;
  text_redacted: string;
  text_keep_staff: string;
}

/**
 * A warning as a department's own pack shows it when the hospital asks for staff names there: each
 * quote is traced to the evidence record it was cut from (same id, same cut redacted text) and
 * replaced by that record's text with staff names kept, cut the same way. A quote that no record,
 * or records with different staff names, could have given stays as it is: redacted. The warning
 * given is not changed: warnings.json and the packs' index publish it as it is.
 *
 * @example withStaffNames({ ...w, evidence_ids: ['7'], quotes: ['[医生]态度差'] }, new Map([['7', [{ id: '7', text_redacted: '[医生]态度差', text_keep_staff: '王医生态度差' }]]])).quotes
 * // ['王医生态度差']
 */
export function withStaffNames(warning: Warning, texts: ReadonlyMap<string, readonly PackQuoteText[]>): Warning {
  if (warning.quotes === undefined) return warning;
  const evidence = [...new Set(warning.evidence_ids)].flatMap((id) => texts.get(id) ?? []);
  const quotes = warning.quotes.map((quote) => {
    const kept = new Set(evidence.filter((record) => cutQuote(record.text_redacted) === quote).map((record) => cutQuote(record.text_keep_staff)));
    return kept.size === 1 ? [...kept][0]! : quote;
  });
  return { ...warning, quotes };
}

/** `warnings` with their quotes' staff names kept, from the texts of their records (models/warnings/pack_quote_texts.sql). */
export async function packWarningsWithStaffNames(connection: DuckDBConnection, warnings: readonly Warning[], models: StepModels): Promise<Warning[]> {
  const ids = new Set(warnings.flatMap((warning) => (warning.quotes === undefined ? [] : warning.evidence_ids)));
  await models.run('warnings/pack_quote_records');
  await appendRows(connection, 'pack_quote_records', [...ids].map((id) => ({ id })));
  const texts = new Map<string, PackQuoteText[]>();
  for (const row of await queryRows<PackQuoteText>(connection, models.sql('warnings/pack_quote_texts'))) texts.set(row.id, [...(texts.get(row.id) ?? []), row]);
  return warnings.map((warning) => withStaffNames(warning, texts));
}
