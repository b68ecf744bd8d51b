/** A record that may be quoted: its redacted text, its department and its distinct terms. */
export interface QuoteCandidate {
  id: string;
  department: string | null;
  text_redacted: string;
  terms: readonly string[];
}

export const quoteDefaults = {
  quotes: 5,
  /** Quotes are cut to this many characters. */
  length: 160,
} as const;

/**
 * Quotes for a problem: the records holding most of its key terms, one per department before any
 * repeats, shorter first, no near-copies (a quote whose words nearly all repeat one already chosen,
 * a template or a copied complaint, adds nothing) unless that leaves fewer than `minimum`, cut to
 * `length` characters.
 */
export function pickQuotes(records: readonly QuoteCandidate[], keyTerms: ReadonlySet<string>, limit: number = quoteDefaults.quotes, minimum = 0): string[] {
  const candidates = records
    .map((record) => ({ record, hits: record.terms.filter((term) => keyTerms.has(term)).length }))
    // records of two sources may share an id: those stay in the order given, which callers fix
    .sort((a, b) => b.hits - a.hits || a.record.text_redacted.length - b.record.text_redacted.length || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const chosen: QuoteCandidate[] = [];
  const departments = new Set<string | null>();
  const nearlySame = (a: QuoteCandidate, b: QuoteCandidate) => {
    const words = new Set(a.terms);
    const shared = b.terms.filter((term) => words.has(term)).length;
    return shared >= 0.8 * Math.max(a.terms.length, b.terms.length);
  };
  for (const pass of [true, false]) {
    for (const { record } of candidates) {
      if (chosen.length >= limit) break;
      if (chosen.includes(record) || (pass && departments.has(record.department)) || chosen.some((other) => nearlySame(other, record))) continue;
      chosen.push(record);
      departments.add(record.department);
    }
  }
  for (const { record } of candidates) if (chosen.length < minimum && !chosen.includes(record)) chosen.push(record);
  return chosen.map(({ text_redacted: text }) => cutQuote(text));
}

/**
 * A text as it is quoted: cut to `quoteDefaults.length` characters, the last an ellipsis.
 *
 * @example cutQuote('short') // 'short'
 */
export function cutQuote(text: string): string {
  return text.length > quoteDefaults.length ? `${text.slice(0, quoteDefaults.length - 1)}…` : text;
}
