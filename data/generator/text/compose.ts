/**
 * Text for one record in its hospital's language, with personal data mixed into a few percent
 * of texts so that redaction has something real to find.
 */
import type { Rng } from '../../../pipeline/detect/prng.ts';
import type { Lang, PiiItem } from '../model.ts';
import { composeEn, enContext } from './en.ts';
import { piiSentence } from './pii.ts';
import type { TextContext } from './types.ts';
import { composeVi, viContext } from './vi.ts';
import { composeZh, zhContext } from './zh.ts';

export interface ComposedText {
  text: string;
  pii: PiiItem[];
}

const composers: Record<Lang, (ctx: TextContext, rng: Rng) => string> = {
  zh: composeZh,
  vi: composeVi,
  en: composeEn,
};

export function composeText(lang: Lang, ctx: TextContext, rng: Rng, piiRate: number): ComposedText {
  const text = composers[lang](ctx, rng);
  if (ctx.kind === 'praise' || !rng.chance(piiRate)) return { text, pii: [] };
  const { sentence, item } = piiSentence(rng, lang, ctx.source === 'gov_12345');
  const joiner = lang === 'zh' ? '' : ' ';
  return { text: `${text}${joiner}${sentence}`, pii: [item] };
}

const contextOf = { zh: zhContext, vi: viContext, en: enContext };

/** Places a patient would name for a department, in the hospital's language. */
export function deptPlaces(lang: Lang, deptKey: string): readonly string[] {
  return contextOf[lang](deptKey).places;
}
