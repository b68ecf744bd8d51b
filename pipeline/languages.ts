/**
 * The three languages of hearken: what a person reads (the CLI, the site) and what a record is
 * written in are the same three. Imports nothing, so every module, copy tables included, may use it.
 */
export const LANGUAGES = ['en', 'zh', 'vi'] as const;

export type Language = (typeof LANGUAGES)[number];

/** A table of copy: every language has every key of the English one, and no other (`tsc` checks). */
export type Copy<Key extends string> = Readonly<Record<Language, Readonly<Record<Key, string>>>>;
