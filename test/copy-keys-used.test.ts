// Every key of the copy tables (each `<file>.copy.ts` and pipeline/i18n.ts's shared one) is read
// by some product code: wording nobody shows is dead code that translators would keep up.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../pipeline/config.ts';
import { COPY_TABLES } from '../pipeline/i18n.ts';

/** The product code that may show copy: pipeline/ and dashboards/, without the copy tables themselves. */
const code = ['pipeline', 'dashboards']
  .flatMap((dir) =>
    readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.copy.ts'))
      .map((entry) => join(entry.parentPath, entry.name)),
  )
  .filter((path) => relative(PROJECT_ROOT, path).split('\\').join('/') !== 'pipeline/i18n.ts')
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

/** Keys named whole, in quotes or backticks. */
const named = new Set([...code.matchAll(/['"`]([A-Za-z_][\w.]*)['"`]/g)].map((match) => match[1]!));

/** Keys made in code from a prefix and a value: `category.${category}`, 'status.' + status. */
const prefixes = [...code.matchAll(/`([A-Za-z_][\w.]*\.)\$\{|'([A-Za-z_][\w.]*\.)'\s*\+/g)].map((match) => (match[1] ?? match[2])!);

describe('the copy tables', () => {
  it('hold no key that no code shows', () => {
    const keys = COPY_TABLES.flatMap((table) => Object.keys(table.en));
    const unused = keys.filter((key) => !named.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});
