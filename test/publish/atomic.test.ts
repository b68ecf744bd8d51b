import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishAtomically, type PublishOptions } from '../../pipeline/publish/atomic.ts';
import { SITE_MANIFEST } from '../../pipeline/publish/out-folder.ts';

async function scratch() {
  const root = await mkdtemp(join(tmpdir(), 'hearken-publish-'));
  await mkdir(join(root, 'input'));
  const options: PublishOptions = {
    guard: { inputDir: join(root, 'input'), dbPath: join(root, 'db', 'w.duckdb') },
    language: 'en',
    runId: 'run-1',
    generatedAt: '2025-03-03T06:00:00+07:00',
  };
  return { root, out: join(root, 'site'), options };
}

describe('publishAtomically', () => {
  it('replaces the folder whole, and leaves the previous one when the build fails', async () => {
    const { root, out, options } = await scratch();
    await publishAtomically(out, options, async (dir) => writeFile(join(dir, 'a.txt'), 'first'));
    await expect(
      publishAtomically(out, options, async (dir) => {
        await writeFile(join(dir, 'a.txt'), 'half');
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('first');
    await publishAtomically(out, { ...options, runId: 'run-2' }, async (dir) => writeFile(join(dir, 'b.txt'), 'second'));
    expect((await readdir(out)).sort()).toEqual([SITE_MANIFEST, 'b.txt']);
    expect(JSON.parse(readFileSync(join(out, SITE_MANIFEST), 'utf8'))).toEqual({
      format: 1,
      generator: 'hearken',
      run_id: 'run-2',
      generated_at: '2025-03-03T06:00:00+07:00',
      files: ['b.txt'],
    });
    expect((await readdir(root)).sort()).toEqual(['input', 'site']);
  });

  it('puts back the previous site when a publisher died between the two renames, and clears its marked building folder', async () => {
    const { root, out, options } = await scratch();
    await publishAtomically(out, options, async (dir) => writeFile(join(dir, 'a.txt'), 'kept'));
    // what a publisher killed between the renames leaves: the site set aside, its building folder
    await rename(out, join(root, '.site.hearken-previous-0a1b2c'));
    await mkdir(join(root, '.site.hearken-building-dead01', 'site'), { recursive: true });
    // pid 2^22 + 1 is above Linux's pid_max: never a live process
    await writeFile(join(root, '.site.hearken-building-dead01', '.hearken-temp.json'), JSON.stringify({ pid: 4194305, host: hostname() }));
    await publishAtomically(out, options, async () => {
      expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('kept');
      throw new Error('stop here');
    }).catch(() => undefined);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('kept');
    expect((await readdir(root)).sort()).toEqual(['input', 'site']);
    await publishAtomically(out, { ...options, runId: 'run-2' }, async (dir) => writeFile(join(dir, 'b.txt'), 'new'));
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'a.txt'))).toBe(false);
  });

  it('leaves alone entries beside the folder that are not its own marked temporaries', async () => {
    const { root, out, options } = await scratch();
    const decoys = ['.site.previous-99999', '.site.building-1', '.site.backup', '.site.hearken-building-nomarker', '.site.hearken-previous-foreign'];
    for (const decoy of decoys) {
      await mkdir(join(root, decoy));
      await writeFile(join(root, decoy, 'mine.txt'), decoy);
    }
    await publishAtomically(out, options, async (dir) => writeFile(join(dir, 'a.txt'), 'one'));
    await publishAtomically(out, options, async (dir) => writeFile(join(dir, 'a.txt'), 'two'));
    for (const decoy of decoys) expect(readFileSync(join(root, decoy, 'mine.txt'), 'utf8')).toBe(decoy);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('two');
  });

  it('checks the folder again at the swap: a file someone put there during the build stops it, and both stay', async () => {
    const { root, out, options } = await scratch();
    await publishAtomically(out, options, async (dir) => writeFile(join(dir, 'a.txt'), 'one'));
    await expect(
      publishAtomically(out, options, async (dir) => {
        await writeFile(join(out, 'report.docx'), 'mine');
        await writeFile(join(dir, 'a.txt'), 'two');
      }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/holds 1 file hearken did not publish there/) });
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('one');
    expect(readFileSync(join(out, 'report.docx'), 'utf8')).toBe('mine');
    expect((await readdir(root)).sort()).toEqual(['input', 'site']);
  });
});
