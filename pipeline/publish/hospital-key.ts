import { createHash } from 'node:crypto';

/**
 * A hospital's short ASCII key: `h` and the first 8 hex digits of the SHA-256 of its name. It names
 * a hospital's folder of the partitioned exports (DuckDB percent-encodes a Chinese or Vietnamese
 * name in a folder name, and Spark decodes such a name byte by byte into the wrong characters) and
 * starts its department packs' file names where there are several hospitals; the true name stays
 * in the files' `hospital` column and in the pages.
 *
 * @example hospitalKey('南院') // 'h4bd041ce'
 */
export function hospitalKey(hospital: string): string {
  return `h${createHash('sha256').update(hospital).digest('hex').slice(0, 8)}`;
}
