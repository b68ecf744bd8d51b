import type { Language } from '../text/types.ts';
import { normalizeVietnamese } from '../text/vietnamese.ts';
import { classOrder, type CompiledSentinelList } from './sentinel-lists.ts';

/** One serious event a text describes: its class and the phrase that says so, in the text's words. */
export interface SentinelHit {
  eventClass: string;
  /** The matched words, a gap of the pattern shown as … (摔…骨折). */
  phrase: string;
  language: Language;
}

/**
 * The text as the patterns read it: NFC, lower case, Vietnamese tone marks placed one way (so
 * "hòa" and "hoà" are one), a hyphen inside a word a space ("self-harm" reads "self harm"), and
 * curly apostrophes straight.
 */
export function sentinelText(text: string): string {
  return normalizeVietnamese(text.replace(/[’‘`´]/g, "'"));
}

/** Where a clause starts: a negation before a comma or a "but" does not reach past it. */
const CLAUSE_BREAK = /[.!?;,:。！？；，：、\n]|\bbut\b|但是|可是|不过|nhưng/gu;

/** The words (Chinese: characters) just before `start` in its own clause. */
function wordsBefore(text: string, start: number, list: CompiledSentinelList): string {
  const before = text.slice(0, start);
  let clauseStart = 0;
  for (const breakMatch of before.matchAll(CLAUSE_BREAK)) clauseStart = breakMatch.index + breakMatch[0].length;
  const clause = before.slice(clauseStart);
  if (list.language === 'zh') return clause.slice(-list.negationWindow);
  return clause.trim().split(/\s+/).slice(-list.negationWindow).join(' ');
}

/** The matched text with each gap of the pattern (groups `gN`) shown as …, so the phrase is the pattern's own words. */
function phraseOf(match: RegExpExecArray | RegExpMatchArray): string {
  const [start, end] = match.indices![0]!;
  const gaps = Object.entries(match.indices?.groups ?? {})
    .filter(([name, span]) => /^g\d+$/.test(name) && span !== undefined && span[1] > span[0])
    .map(([, span]) => span!)
    .sort((a, b) => a[0] - b[0]);
  let phrase = '';
  let at = start;
  for (const [from, to] of gaps) {
    phrase += `${match.input!.slice(at, from).trimEnd()}…`;
    at = to;
  }
  return (phrase + match.input!.slice(at, end).trimStart()).trim();
}

/**
 * The letters a language's lists need in a text: Chinese characters; Latin letters with
 * diacritics (after NFC) for Vietnamese, whose words are written with them; Latin letters for
 * English. A list never reads text of another script, which saves most of the time and keeps a
 * Vietnamese loanword pattern (post, group) off English text. The folded Vietnamese list reads
 * only Latin text without a single diacritic.
 */
const SCRIPT: Record<Language, RegExp> = {
  zh: /\p{Script=Han}/u,
  vi: /[\u00C0-\u024F\u1E00-\u1EFF]/u,
  en: /[a-z]/,
};

function spans(pattern: RegExp | null, text: string): [number, number][] {
  if (pattern === null) return [];
  return [...text.matchAll(pattern)].map((match) => match.indices![0]!);
}

/**
 * The serious events a text describes (a fall, a wrong drug, violence, a death, a threat to go to
 * the press ...), by the word and phrase patterns of each language's lists (sentinel-lists.ts),
 * every language's lists over every text, since one record may mix languages. A match is dropped
 * when it overlaps a harmless sense ("fell asleep", 跌价, ngã giá) or when a negation or a
 * hypothetical ends the few words before it in its clause ("did not fall", 没有摔倒, không bị ngã,
 * "worried she might fall"). Chinese is matched on characters, not on segmented words, so that
 * segmentation cannot split a phrase. Each class and phrase comes once, the most serious class first.
 *
 * @example findSentinels('Mum slipped in the bathroom and broke her hip', lists) // [{ eventClass: 'fall', phrase: 'slipped in', language: 'en' }]
 */
export function findSentinels(text: string, lists: readonly CompiledSentinelList[]): SentinelHit[] {
  const normalised = sentinelText(text);
  const hits: SentinelHit[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    if (list.folded ? SCRIPT.vi.test(normalised) || !SCRIPT.en.test(normalised) : !SCRIPT[list.language].test(normalised)) continue;
    let harmless: [number, number][] | undefined;
    for (const { eventClass, pattern } of list.classes) {
      for (const match of normalised.matchAll(pattern)) {
        const [start, end] = match.indices![0]!;
        if (end === start) continue;
        harmless ??= spans(list.harmless, normalised);
        if (harmless.some(([from, to]) => from < end && start < to)) continue;
        if (list.negation !== null && list.negation.test(wordsBefore(normalised, start, list))) continue;
        const phrase = phraseOf(match);
        const key = JSON.stringify([eventClass, phrase]);
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ eventClass, phrase, language: list.language });
      }
    }
  }
  return hits.sort((a, b) => classOrder(a.eventClass) - classOrder(b.eventClass));
}
