/** One record of the month, reduced to its distinct term keys. */
export interface ThemeRecord {
  terms: readonly string[];
}

export interface IssueTheme {
  /** The term the theme is named after and counted by. */
  anchor: string;
  /** Terms that mostly occur together with the anchor, strongest first. */
  partners: string[];
  /** Indexes (into the records given) of the records holding the anchor. */
  records: number[];
}

export interface ThemeOptions {
  /** An anchor needs at least this many records in the month. */
  minRecords: number;
  /** A partner occurs with the anchor in at least this share of the rarer of the two's records. */
  minOverlap: number;
  maxPartners: number;
  maxThemes: number;
}

const defaults: ThemeOptions = { minRecords: 5, minOverlap: 0.4, maxPartners: 4, maxThemes: 10 };

/**
 * Groups a month's terms into issue themes (高频事项): the most frequent terms that name an issue
 * (`issueTerms`, chosen by the caller) become anchors, each gathering the issue terms that mostly
 * co-occur with it (overlap coefficient |A∩B| / min(|A|, |B|), Szymkiewicz–Simpson), so 排队
 * gathers 挂号 and 太久, and "parking" gathers "space" and "full". A term already a partner of a
 * stronger theme, or half of whose records are already inside one, starts no theme of its own.
 * Ranked by records.
 *
 * @param issueTerms the terms that may anchor or join a theme; narrative and template words stay out.
 * @example issueThemes(records, issueTerms)[0] // { anchor: '排队', partners: ['挂号', '太久'], records: [...] }
 */
export function issueThemes(
  records: readonly ThemeRecord[],
  issueTerms: ReadonlySet<string>,
  options: Partial<ThemeOptions> = {},
): IssueTheme[] {
  const o = { ...defaults, ...options };
  const postings = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const term of new Set(record.terms)) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });
  const frequent = [...postings].filter(([term, list]) => list.length >= o.minRecords && issueTerms.has(term)).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));

  const themes: IssueTheme[] = [];
  const claimed = new Set<number>();
  for (const [anchor, anchorRecords] of frequent) {
    if (themes.length >= o.maxThemes) break;
    const inside = anchorRecords.filter((index) => claimed.has(index)).length;
    if (inside * 2 > anchorRecords.length || themes.some((theme) => theme.partners.includes(anchor))) continue;
    const anchorSet = new Set(anchorRecords);
    const partners = frequent
      .filter(([term]) => term !== anchor)
      .map(([term, list]) => ({ term, together: list.filter((index) => anchorSet.has(index)).length, size: list.length }))
      .filter(({ together, size }) => together >= o.minRecords && together / Math.min(size, anchorRecords.length) >= o.minOverlap)
      .sort((a, b) => b.together - a.together || (a.term < b.term ? -1 : 1))
      .reduce<string[]>((chosen, { term }) => withPartner(anchor, chosen, term, o.maxPartners), []);
    themes.push({ anchor, partners, records: anchorRecords });
    for (const index of anchorRecords) claimed.add(index);
  }
  return themes.sort((a, b) => b.records.length - a.records.length || (a.anchor < b.anchor ? -1 : 1));
}

/**
 * The partners after offering `term`: a word already inside the anchor or a chosen phrase says
 * nothing new and is left out; a phrase made of words already there ("car park" after "car" and
 * "parking") says them better and takes their place; anything else joins while there is room.
 */
function withPartner(anchor: string, chosen: readonly string[], term: string, maxPartners: number): string[] {
  const words = term.split(' ');
  if ([anchor, ...chosen].some((t) => t.split(' ').includes(term))) return [...chosen];
  if (words.length > 1) {
    const present = new Set([anchor, ...chosen].flatMap((t) => t.split(' ')));
    if (words.every((word) => present.has(word))) return [...chosen.filter((t) => !words.includes(t)), term];
  }
  return chosen.length < maxPartners ? [...chosen, term] : [...chosen];
}
