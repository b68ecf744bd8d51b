/** One record of the month, reduced to its distinct term keys. */
export interface ThemeRecord {
  terms: readonly string[];
}

export interface IssueTheme {
  /** The term the theme is named after. */
  anchor: string;
  /** Anchors of the near-duplicate themes merged into this one, in the order they were merged. */
  merged: string[];
  /** Terms that mostly occur together with the anchor, strongest first. */
  partners: string[];
  /** Indexes (into the records given) of the records holding the anchor or a merged anchor, ascending. */
  records: number[];
}

export interface ThemeOptions {
  /** An anchor needs at least this many records in the month. */
  minRecords: number;
  /** A partner occurs with the anchor in at least this share of the rarer of the two's records. */
  minOverlap: number;
  maxPartners: number;
  maxThemes: number;
  /**
   * Two themes are near duplicates when at least this share of the smaller one's records, or of
   * its terms (anchors and partners), is also the other's: the weaker is merged into the stronger.
   */
  minShared: number;
}

const defaults: ThemeOptions = { minRecords: 5, minOverlap: 0.4, maxPartners: 4, maxThemes: 10, minShared: 0.5 };

/**
 * Groups a month's terms into issue themes (高频事项): the most frequent terms that name an issue
 * (`issueTerms`, chosen by the caller) become anchors, each gathering the issue terms that mostly
 * co-occur with it (overlap coefficient |A∩B| / min(|A|, |B|), Szymkiewicz–Simpson), so 排队
 * gathers 挂号 and 太久, and "parking" gathers "space" and "full". A term already a partner of a
 * stronger theme, or more than half of whose records are already inside themes, starts no theme
 * of its own. A theme that shares half of its records or of its terms with a stronger one is the
 * same issue seen through another word (挂号 with 排队、窗口 and 缴费 with 排队、窗口): it is merged
 * into that theme, which then counts the records of both anchors. Ranked by records.
 *
 * @param issueTerms the terms that may anchor or join a theme; narrative and template words stay out.
 * @example issueThemes(records, issueTerms)[0] // { anchor: '排队', merged: [], partners: ['挂号', '太久'], records: [...] }
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
    const theme: IssueTheme = { anchor, merged: [], partners, records: anchorRecords };
    const twin = themes.find((kept) => nearDuplicates(kept, theme, o.minShared));
    if (twin === undefined) themes.push(theme);
    else Object.assign(twin, mergeThemes(twin, theme));
    for (const index of anchorRecords) claimed.add(index);
  }
  return themes.sort((a, b) => b.records.length - a.records.length || (a.anchor < b.anchor ? -1 : 1));
}

/** The share of the smaller of two sets that is also in the other (Szymkiewicz–Simpson); 0 when one is empty. */
function overlapCoefficient<T>(a: readonly T[], b: readonly T[]): number {
  const smaller = Math.min(a.length, b.length);
  if (smaller === 0) return 0;
  const inA = new Set(a);
  return b.filter((item) => inA.has(item)).length / smaller;
}

function themeTerms(theme: IssueTheme): string[] {
  return [theme.anchor, ...theme.merged, ...theme.partners];
}

/** Whether two themes share at least `minShared` of the smaller one's records or terms. */
export function nearDuplicates(a: IssueTheme, b: IssueTheme, minShared: number): boolean {
  return overlapCoefficient(a.records, b.records) >= minShared || overlapCoefficient(themeTerms(a), themeTerms(b)) >= minShared;
}

/**
 * `weaker` merged into `stronger`: the stronger's anchor names it, the weaker's anchor joins its
 * merged anchors, partners of the weaker not yet there follow, and its records are those of both.
 */
export function mergeThemes(stronger: IssueTheme, weaker: IssueTheme): IssueTheme {
  const present = new Set(themeTerms(stronger));
  const merged = present.has(weaker.anchor) ? stronger.merged : [...stronger.merged, weaker.anchor];
  const partners = [...stronger.partners, ...weaker.partners.filter((term) => !present.has(term) && term !== weaker.anchor)].filter((term) => !merged.includes(term));
  const records = [...new Set([...stronger.records, ...weaker.records])].sort((x, y) => x - y);
  return { anchor: stronger.anchor, merged, partners, records };
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
