import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { cutQuote } from '../frequency/quotes.ts';
import { appendRows } from '../table-writer.ts';
import type { Warning } from '../warnings/warnings.ts';

/** A record a warning may quote: its hospital and (source, id) as the warning's evidence names it, the redacted text its quote was cut from, and that text with staff names kept. */
export interface PackQuoteText {
  hospital: string | null;
  source: string;
  id: string;
  text_redacted: string;
  text_keep_staff: string;
}

/** The key of a warning's evidence record: an id is unique only within its hospital's source (two systems of one hospital may share ids). */
export function evidenceKey(hospital: string | null, record: { source: string; id: string }): string {
  return JSON.stringify([hospital, record.source, record.id]);
}

/**
 * A warning as a department's own pack shows it when the hospital asks for staff names there: each
 * quote is traced to the evidence record it was cut from (same source and id, same cut redacted text) and
 * replaced by that record's text with staff names kept, cut the same way. A quote that no record,
 * or records with different staff names, could have given stays as it is: redacted. The warning
 * given is not changed: warnings.json and the packs' index publish it as it is.
 *
 * @example withStaffNames({ ...w, hospital: 'h', evidence: [{ source: 'his', id: '7' }], quotes: ['[医生]态度差'] }, new Map([['["h","his","7"]', [{ hospital: 'h', source: 'his', id: '7', text_redacted: '[医生]态度差', text_keep_staff: '王医生态度差' }]]])).quotes
 * // ['王医生态度差']
 */
export function withStaffNames(warning: Warning, texts: ReadonlyMap<string, readonly PackQuoteText[]>): Warning {
  if (warning.quotes === undefined) return warning;
  const evidence = [...new Set(warning.evidence.map((record) => evidenceKey(warning.hospital, record)))].flatMap((key) => texts.get(key) ?? []);
  const quotes = warning.quotes.map((quote) => {
    const kept = new Set(evidence.filter((record) => cutQuote(record.text_redacted) === quote).map((record) => cutQuote(record.text_keep_staff)));
    return kept.size === 1 ? [...kept][0]! : quote;
  });
  return { ...warning, quotes };
}

/** `warnings` with their quotes' staff names kept, from the texts of their records (models/warnings/pack_quote_texts.sql). */
export async function packWarningsWithStaffNames(connection: DuckDBConnection, warnings: readonly Warning[], models: StepModels): Promise<Warning[]> {
  const records = new Map(
    warnings.flatMap((warning) => (warning.quotes === undefined ? [] : warning.evidence.map((record) => ({ hospital: warning.hospital, ...record })))).map((record) => [evidenceKey(record.hospital, record), record]),
  );
  await models.run('warnings/pack_quote_records');
  await appendRows(connection, 'pack_quote_records', [...records.values()].map(({ hospital, source, id }) => ({ hospital, source, id })));
  const texts = new Map<string, PackQuoteText[]>();
  for (const row of await queryRows<PackQuoteText>(connection, models.sql('warnings/pack_quote_texts'))) {
    const key = evidenceKey(row.hospital, row);
    texts.set(key, [...(texts.get(key) ?? []), row]);
  }
  return warnings.map((warning) => withStaffNames(warning, texts));
}
