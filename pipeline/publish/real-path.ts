import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/**
 * The real path of `path` whether or not it exists: the realpath of its deepest existing ancestor
 * with the rest appended, so that a symlink or `..` on the way cannot make two places look apart.
 *
 * @example await realPathOf('/tmp/link-to-input/new/out') // '/home/me/input/new/out'
 */
export async function realPathOf(path: string): Promise<string> {
  const missing: string[] = [];
  let existing = resolve(path);
  for (;;) {
    try {
      return join(await realpath(existing), ...missing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = dirname(existing);
      if (parent === existing) return resolve(path);
      missing.unshift(basename(existing));
      existing = parent;
    }
  }
}

/** Whether `inner` is `outer` or lies anywhere inside it; both real, absolute paths. */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : `${outer}${sep}`);
}

/** The nearest ancestor of `path` that exists, when it is not a folder (so nothing can be made under it). */
export async function fileAbove(path: string): Promise<string | null> {
  for (let parent = dirname(path); parent !== dirname(parent); parent = dirname(parent)) {
    try {
      return (await stat(parent)).isDirectory() ? null : parent;
    } catch {
      // missing: look further up
    }
  }
  return null;
}
