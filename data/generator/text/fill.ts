/**
 * Template filling for the text composers: `{slot}` placeholders are replaced by values drawn
 * lazily, so a template only consumes random numbers for the slots it uses. Slot values come
 * from a class per language (one switch, no closures per record: the benchmark writers compose
 * a million texts).
 *
 * @example
 * new ZhSlots(ctx, dept, rng).fill('等了{wait}') // '等了两个多小时'
 */
import type { Rng } from '../../../pipeline/detect/prng.ts';

const placeholder = /\{(\w+)\}/g;

export abstract class SlotFiller {
  protected readonly rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** The value of a slot, or undefined when the slot is unknown. */
  protected abstract value(name: string): string | undefined;

  fill(template: string): string {
    return template.replace(placeholder, (_, name: string) => {
      const v = this.value(name);
      if (v === undefined) throw new Error(`fill: unknown slot {${name}} in "${template}"`);
      return v;
    });
  }
}

/** Upper-cases the first letter (Vietnamese and English sentence starts). */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** Vietnamese without diacritics, the way many people type on Zalo and Facebook. */
export function stripVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Thousands grouped with a dot, as Vietnamese amounts are written (1.250.000). */
export function groupDots(n: number): string {
  const s = String(Math.round(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += '.';
    out += s.charAt(i);
  }
  return out;
}

/** What kind of unit a text is written for: clinical staff to name, beds and nights on a ward. */
export interface Scope {
  clinical: boolean;
  ward: boolean;
}

const scoped = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/**
 * Picks a template that fits the unit. Templates starting with `§` need clinical staff (a doctor
 * to praise, a consultation to book); `¶` needs a ward (beds, night nurses, admissions).
 */
export function pickScoped(rng: Rng, list: readonly string[], scope: Scope): string {
  const key = `${scope.clinical ? 'c' : '-'}${scope.ward ? 'w' : '-'}`;
  let byScope = scoped.get(list);
  if (!byScope) {
    byScope = new Map();
    scoped.set(list, byScope);
  }
  let options = byScope.get(key);
  if (!options) {
    options = list
      .filter((t) => (t.startsWith('§') ? scope.clinical : t.startsWith('¶') ? scope.ward : true))
      .map((t) => (t.startsWith('§') || t.startsWith('¶') ? t.slice(1) : t));
    if (options.length === 0) throw new Error(`pickScoped: no template fits scope ${key}: ${list[0] ?? ''}`);
    byScope.set(key, options);
  }
  return rng.pick(options);
}
