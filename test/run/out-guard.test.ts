import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { SITE_MANIFEST } from '../../pipeline/publish/out-folder.ts';
import { capture } from '../support/captured-io.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
  await ws.write('a.csv', 'id,received_at,department,text\n1,2025-01-02 08:00,急诊科,排队太久\n');
});
afterEach(async () => {
  await ws.dispose();
});

/** Every entry under `root`, not following symlinks: a file by its bytes' hash, a link by its target. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const name of await readdir(root, { recursive: true })) {
    const path = join(root, name);
    const info = await lstat(path);
    if (info.isSymbolicLink()) entries[name] = `link → ${await readlink(path)}`;
    else if (info.isFile()) entries[name] = createHash('sha256').update(await readFile(path)).digest('hex');
    else entries[name] = info.isDirectory() ? 'folder' : 'other';
  }
  return entries;
}

async function hearken(...args: string[]) {
  const { out, err, io } = capture();
  const code = await main(['run', '--input', ws.input, '--db', ws.db, '--lang', 'en', '--as-of', '2025-01-31', '--timezone', 'Etc/UTC', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Runs with `--out` and expects a refusal: exit 2, one line naming the rule, nothing under the workspace changed. */
async function expectRefused(out: string, rule: RegExp, extra: string[] = []) {
  const before = await snapshot(ws.root);
  const result = await hearken('--out', out, ...extra);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(/^hearken: [^\n]+\n$/);
  expect(result.stderr).toMatch(rule);
  expect(await snapshot(ws.root)).toEqual(before);
}

describe('hearken run refuses an --out it did not create, before any work, touching nothing', () => {
  it('the input folder, a folder above it, a folder inside it (also through a symlink or ..)', async () => {
    await expectRefused(ws.input, /input folder/);
    await expectRefused(ws.root, /input folder/);
    await expectRefused(join(ws.input, 'site'), /input folder/);
    await symlink(ws.input, join(ws.root, 'input-link'));
    await expectRefused(join(ws.root, 'input-link', 'new', 'site'), /input folder/);
    await expectRefused(join(ws.root, 'elsewhere', '..', 'input'), /input folder/);
    expect(existsSync(ws.db)).toBe(false);
  });

  it('a folder holding the warehouse, or the warehouse folder itself', async () => {
    const out = join(ws.root, 'site');
    await expectRefused(out, /holds the warehouse/, ['--db', join(out, 'w.duckdb')]);
    await expectRefused(out, /holds the warehouse/, ['--db', join(out, 'deeper', 'w.duckdb')]);
    const dbFolder = join(ws.root, 'warehouse');
    await mkdir(dbFolder);
    await writeFile(join(dbFolder, 'w.duckdb'), 'not really a warehouse, but the user’s');
    await expectRefused(dbFolder, /holds the warehouse/, ['--db', join(dbFolder, 'w.duckdb')]);
  });

  it('a file, a device, a FIFO, a symlink (to a folder or a file), a path under a file', async () => {
    const file = join(ws.root, 'notes.txt');
    await writeFile(file, 'my notes');
    await expectRefused(file, /is not a folder/);
    await expectRefused('/dev/null', /is not a folder/);
    const fifo = join(ws.root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expectRefused(fifo, /is not a folder/);
    const documents = join(ws.root, 'documents');
    await mkdir(documents);
    await writeFile(join(documents, 'letter.docx'), 'dear');
    await symlink(documents, join(ws.root, 'docs-link'));
    await expectRefused(join(ws.root, 'docs-link'), /symbolic link/);
    await symlink(file, join(ws.root, 'file-link'));
    await expectRefused(join(ws.root, 'file-link'), /symbolic link/);
    await expectRefused(join(file, 'site'), /lies under .*notes\.txt, which is not a folder/);
  });

  it('a folder of someone’s files: every file kept byte for byte, nothing beside it removed', async () => {
    const documents = join(ws.root, 'documents');
    await mkdir(join(documents, 'deep', 'er'), { recursive: true });
    await writeFile(join(documents, 'index.html'), '<p>my own page</p>');
    await writeFile(join(documents, 'deep', 'er', 'x.bin'), new Uint8Array([0, 1, 2, 255]));
    await writeFile(join(documents, '.hidden'), 'secret');
    // entries beside --out whose names look like a publisher's leftovers, and are not
    await mkdir(join(ws.root, '.documents.previous-1'));
    await writeFile(join(ws.root, '.documents.previous-1', 'keep.txt'), 'keep');
    await writeFile(join(ws.root, '.documents.something'), 'keep');
    await mkdir(join(ws.root, '.documents.hearken-previous-abc'));
    await writeFile(join(ws.root, '.documents.hearken-previous-abc', 'keep.txt'), 'keep');
    await expectRefused(documents, /not empty and holds no site that hearken published/);
    // a hearken site into which someone put a file of their own
    const site = join(ws.root, 'site');
    await writeFile(join(ws.root, '.site.old'), 'keep');
    expect((await hearken('--out', site)).code).toBe(0);
    for (const decoy of ['.documents.something', '.documents.previous-1/keep.txt', '.documents.hearken-previous-abc/keep.txt', '.site.old']) {
      expect(readFileSync(join(ws.root, decoy), 'utf8')).toBe('keep');
    }
    await writeFile(join(site, 'departments', 'my-notes.txt'), 'mine');
    await expectRefused(site, /holds 1 file hearken did not publish there \(e\.g\. "departments\/my-notes\.txt"\); move it out/);
  });

  it('the answer is in the language of the run', async () => {
    const result = await hearken('--out', ws.input, '--lang', 'zh');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('输入文件夹');
  });
});

describe('hearken run replaces what it may', () => {
  it('a new path (with missing parents), an empty folder, and its own site, also when the warehouse folder is missing', async () => {
    const fresh = join(ws.root, 'new', 'path', 'site');
    const db = join(ws.root, 'no', 'such', 'folder', 'w.duckdb');
    expect((await hearken('--out', fresh, '--db', db)).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(fresh, SITE_MANIFEST), 'utf8'));
    expect(manifest).toMatchObject({ format: 1, generator: 'hearken', generated_at: expect.any(String), run_id: expect.any(String) });
    expect(manifest.files).toEqual(expect.arrayContaining(['index.html', 'warnings.json', 'run-summary.json', 'data/feedback.csv']));
    // the rerun into its own site, and an empty folder
    expect((await hearken('--out', fresh, '--db', db)).code).toBe(0);
    const empty = join(ws.root, 'empty');
    await mkdir(empty);
    expect((await hearken('--out', empty)).code).toBe(0);
    expect(existsSync(join(empty, 'index.html'))).toBe(true);
    expect((await readdir(ws.root)).sort()).toEqual(['empty', 'input', 'new', 'no', 'warehouse.duckdb']);
  });

  it('a site published by a hearken from before manifests, and nothing that only looks like half of one', async () => {
    const old = join(ws.root, 'build');
    for (const [path, text] of Object.entries({
      'index.html': '<html>',
      'issues.html': '<html>',
      'warnings.json': '{}',
      'run-summary.json': '{}',
      'data/feedback.csv': 'a',
      'data/feedback.parquet': 'b',
      'departments/emergency.json': '{}',
    })) {
      await mkdir(dirname(join(old, path)), { recursive: true });
      await writeFile(join(old, path), text);
    }
    expect((await hearken('--out', old)).code).toBe(0);
    expect(existsSync(join(old, SITE_MANIFEST))).toBe(true);
    const half = join(ws.root, 'half');
    await mkdir(join(half, 'data'), { recursive: true });
    await writeFile(join(half, 'index.html'), '<html>');
    await writeFile(join(half, 'data', 'budget.xlsx'), 'numbers');
    await expectRefused(half, /holds no site/);
  });

  it('a failed --db folder: a file in the way is a usage error', async () => {
    await writeFile(join(ws.root, 'plain'), 'x');
    const result = await hearken('--out', join(ws.root, 'site'), '--db', join(ws.root, 'plain', 'w.duckdb'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^hearken: cannot make the folder of the warehouse .*: a file is in the way\n$/);
  });

  it('a --db that names a folder or a device is a usage error, and the folder is left as it was', async () => {
    const folder = join(ws.root, 'records');
    await mkdir(folder);
    await writeFile(join(folder, 'keep.txt'), 'mine');
    for (const db of [folder, '/dev/null']) {
      const result = await hearken('--out', join(ws.root, 'site'), '--db', db);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`hearken: the warehouse ${db} is a folder or a device, not a file; give --db the path of a file\n`);
    }
    expect(await readdir(folder)).toEqual(['keep.txt']);
  });
});
