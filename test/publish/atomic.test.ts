import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishAtomically } from '../../pipeline/publish/atomic.ts';

describe('publishAtomically', () => {
  it('replaces the folder whole, and leaves the previous one when the build fails', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hearken-publish-'));
    const out = join(root, 'site');
    await publishAtomically(out, async (dir) => writeFile(join(dir, 'a.txt'), 'first'));
    await expect(
      publishAtomically(out, async (dir) => {
        await writeFile(join(dir, 'a.txt'), 'half');
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('first');
    await publishAtomically(out, async (dir) => writeFile(join(dir, 'b.txt'), 'second'));
    expect(await readdir(out)).toEqual(['b.txt']);
    expect(await readdir(root)).toEqual(['site']);
  });

  it('puts back the previous folder when a run died between the two renames', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hearken-publish-'));
    const out = join(root, 'site');
    await mkdir(join(root, '.site.previous-99999'));
    await writeFile(join(root, '.site.previous-99999', 'a.txt'), 'kept');
    await mkdir(join(root, '.site.building-99999'));
    await publishAtomically(out, async () => {
      expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('kept');
      throw new Error('stop here');
    }).catch(() => undefined);
    expect(existsSync(join(root, '.site.building-99999'))).toBe(false);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('kept');
  });
});
