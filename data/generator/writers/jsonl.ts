/** JSON Lines: one object per line, UTF-8, blank cells as null. */
import { writeFileAtomically } from '../../../pipeline/publish/output-file.ts';

export async function writeJsonl(path: string, header: readonly string[], rows: readonly Readonly<Record<string, string>>[]): Promise<void> {
  const lines = rows.map((row) => {
    const obj: Record<string, string | null> = {};
    for (const h of header) {
      const v = row[h] ?? '';
      obj[h] = v === '' ? null : v;
    }
    return JSON.stringify(obj);
  });
  await writeFileAtomically(path, lines.join('\n') + '\n');
}
