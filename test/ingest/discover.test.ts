import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverInputFiles, type Discovery } from '../../pipeline/ingest/discover.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const REPO = resolve(import.meta.dirname, '../..');
const DISCOVER = join(REPO, 'pipeline/ingest/discover.ts');
const CSV = 'id,received_at,department,text\n1,2025-01-02,急诊科,排队太久\n';

let root: string;
let input: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearken-discover-'));
  input = join(root, 'input');
  await mkdir(input);
});
afterEach(async () => {
  await chmod(join(input, 'locked.csv'), 0o644).catch(() => undefined);
  await chmod(join(input, 'closed'), 0o755).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

async function put(relativePath: string, content = CSV): Promise<void> {
  await mkdir(dirname(join(input, relativePath)), { recursive: true });
  await writeFile(join(input, relativePath), content);
}

/** mkfifo through the shell: Node has no call for it. False where the system has none. */
function makeFifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

describe('discoverInputFiles: every entry of the input folder read or listed with its reason', () => {
  it('reads tables, hidden ones too, and lists what is not a table, junk, system folders and the config', async () => {
    await put('a.csv');
    await put('.late-export.csv');
    await put('.hidden-folder/b.jsonl', '{"id":"1"}\n');
    await put('sub/c.xlsx', 'not really a workbook');
    await put('old.xls', 'x');
    await put('notes.md', '# notes');
    await put('hearken.config.json', '{}');
    await put('sub/hearken.config.json', '{}'); // only the one at the top is the settings file
    await put('.DS_Store', 'x');
    await put('Thumbs.db', 'x');
    await put('sub/~$c.xlsx', 'x');
    await put('._a.csv', 'x');
    await put('a.csv~', 'x');
    await put('.git/HEAD', 'ref: refs/heads/main');
    await put('__MACOSX/._a.csv', 'x');

    const { files, notRead } = await discoverInputFiles(input);
    expect(files.map((f) => [f.relativePath, f.format, f.stem])).toEqual([
      ['.hidden-folder/b.jsonl', 'jsonl', 'b'],
      ['.late-export.csv', 'csv', '.late-export'],
      ['a.csv', 'csv', 'a'],
      ['old.xls', null, 'old'],
      ['sub/c.xlsx', 'xlsx', 'c'],
    ]);
    expect(notRead).toEqual([
      { path: '.DS_Store', reason: 'junk' },
      { path: '._a.csv', reason: 'junk' },
      { path: '.git', reason: 'system_folder' },
      { path: 'Thumbs.db', reason: 'junk' },
      { path: '__MACOSX', reason: 'system_folder' },
      { path: 'a.csv~', reason: 'junk' },
      { path: 'hearken.config.json', reason: 'config' },
      { path: 'notes.md', reason: 'not_a_table' },
      { path: 'sub/hearken.config.json', reason: 'not_a_table' },
      { path: 'sub/~$c.xlsx', reason: 'junk' },
    ]);
  });

  it('resolves links: inside the folder the target is read once under its own path; outside, dangling and looping links are listed', async () => {
    const outside = join(root, 'elsewhere');
    await mkdir(outside);
    await writeFile(join(outside, 'private.csv'), CSV);
    await put('2025/q1.csv');
    await symlink(join(input, '2025/q1.csv'), join(input, 'latest.csv')); // a file twice
    await symlink('2025', join(input, 'current')); // a folder twice, relative link
    await symlink(join(outside, 'private.csv'), join(input, 'private.csv'));
    await symlink(outside, join(input, 'share'));
    await symlink(join(input, 'gone.csv'), join(input, 'dangling.csv'));
    await symlink('.', join(input, 'self'));
    await symlink('..', join(input, '2025/up'));
    await symlink('ping', join(input, 'pong'));
    await symlink('pong', join(input, 'ping'));

    const { files, notRead } = await discoverInputFiles(input);
    expect(files.map((f) => f.relativePath)).toEqual(['2025/q1.csv']);
    expect(files[0]?.path).toBe(join(input, '2025/q1.csv'));
    expect(notRead).toEqual([
      { path: '2025/up', reason: 'link_loop', target: '' },
      { path: 'current', reason: 'link_inside', target: '2025' },
      { path: 'dangling.csv', reason: 'link_broken' },
      { path: 'latest.csv', reason: 'link_inside', target: '2025/q1.csv' },
      { path: 'ping', reason: 'link_loop' },
      { path: 'pong', reason: 'link_loop' },
      { path: 'private.csv', reason: 'link_outside' },
      { path: 'self', reason: 'link_loop', target: '' },
      { path: 'share', reason: 'link_outside' },
    ]);
  });

  it('reads an input folder given through a link, with paths relative to it', async () => {
    await put('a.csv');
    await symlink(input, join(root, 'via-link'));
    const { files, notRead } = await discoverInputFiles(join(root, 'via-link'));
    expect(files.map((f) => f.relativePath)).toEqual(['a.csv']);
    expect(notRead).toEqual([]);
  });

  it('never opens a FIFO (it would block the run) and lists it', async (context) => {
    await put('a.csv');
    if (!makeFifo(join(input, 'pipe.csv'))) context.skip();
    const { files, notRead } = await discoverInputFiles(input);
    expect(files.map((f) => f.relativePath)).toEqual(['a.csv']);
    expect(notRead).toEqual([{ path: 'pipe.csv', reason: 'special_file' }]);
  });

  it('lists a file and a folder it has no permission to read, and goes on', async (context) => {
    await put('a.csv');
    await put('locked.csv');
    await put('closed/b.csv');
    await chmod(join(input, 'locked.csv'), 0o000);
    await chmod(join(input, 'closed'), 0o000);
    const found = await discoverWithoutPrivileges(input);
    if (found === null) return context.skip();
    expect(found.files.map((f) => f.relativePath)).toEqual(['a.csv']);
    expect(found.notRead).toEqual([
      { path: 'closed', reason: 'unreadable' },
      { path: 'locked.csv', reason: 'unreadable' },
    ]);
  });
});

/**
 * Discovery as a user that file modes apply to. Tests run as root here, and root reads whatever
 * the mode says: then discovery runs in a child process as `nobody` (setpriv), or not at all.
 */
async function discoverWithoutPrivileges(folder: string): Promise<Discovery | null> {
  if (process.getuid?.() !== 0) return discoverInputFiles(folder);
  await chmod(root, 0o755);
  const script = `const { discoverInputFiles } = await import(${JSON.stringify(DISCOVER)}); process.stdout.write(JSON.stringify(await discoverInputFiles(${JSON.stringify(folder)})));`;
  const child = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', '-e', script], {
    encoding: 'utf8',
    cwd: REPO,
  });
  return child.status === 0 ? (JSON.parse(child.stdout) as Discovery) : null;
}

describe('a run accounts for every entry', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await createWorkspace();
  });
  afterEach(async () => {
    await ws.dispose();
  });

  it('lists the entries not read in the run summary and on the data-quality page, and reads a linked file once', async (context) => {
    await ws.write('a.csv', CSV);
    await ws.write('.b.csv', 'id,received_at,department,text\n2,2025-01-03,急诊科,没人管\n');
    await ws.write('notes.md', '# notes');
    await symlink(join(ws.input, 'a.csv'), join(ws.input, 'copy.csv'));
    await symlink(join(ws.root, 'nowhere.csv'), join(ws.input, 'broken.csv'));
    const fifo = makeFifo(join(ws.input, 'pipe.csv'));
    const { summary } = await ws.run();
    expect(summary.files.map((f) => [f.path, f.status, f.loaded])).toEqual([
      ['.b.csv', 'loaded', 1],
      ['a.csv', 'loaded', 1],
    ]);
    const expected = [
      { path: 'broken.csv', reason: 'link_broken' },
      { path: 'copy.csv', reason: 'link_inside', target: 'a.csv' },
      { path: 'notes.md', reason: 'not_a_table' },
      ...(fifo ? [{ path: 'pipe.csv', reason: 'special_file' }] : []),
    ];
    expect(summary.not_read).toEqual(expected);
    expect(summary.ignored_files).toEqual(['notes.md']);
    const published = JSON.parse(await readFile(join(ws.out, 'run-summary.json'), 'utf8'));
    expect(published.not_read).toEqual(expected);
    const page = await readFile(join(ws.out, 'index.html'), 'utf8');
    expect(page).toContain('Entries of the input folder that were not read');
    // cells carry data-label on a phone
    expect(page).toMatch(/<td[^>]*>copy\.csv<\/td><td[^>]*>a link to a\.csv, which is read \(or listed\) under its own name<\/td>/);
    expect(page).toMatch(/<td[^>]*>broken\.csv<\/td><td[^>]*>a link to nothing<\/td>/);
    if (!fifo) context.skip();
  });
});
