import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import type { Language } from '../text/types.ts';

/** Key of a term within its language, for maps over several languages: the JSON of the pair, which no term can make ambiguous. */
export function termKey(lang: Language, term: string): string {
  return JSON.stringify([lang, term]);
}

/** The surface people see for each term (dim_term), by termKey. */
export async function termSurfaces(connection: DuckDBConnection): Promise<Map<string, string>> {
  const rows = await queryRows<{ lang: Language; term: string; surface: string }>(connection, 'select lang, term, surface from dim_term');
  return new Map(rows.map((row) => [termKey(row.lang, row.term), row.surface]));
}
