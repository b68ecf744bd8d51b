// Every test file runs in exactly one vitest project (README, "How it is built"): `unit` shares one
// process among files that hold no state, `pipeline` gives each file its own. The unit files outside
// the unit folders are named by hand in vitest.config.ts, so a file in neither project, or in both,
// or a name left behind by a renamed file, would go unnoticed without this check.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import config from '../vitest.config.ts';

const ROOT = resolve(import.meta.dirname, '..');

interface ProjectGlobs {
  name: string;
  include: string[];
  exclude: string[];
  /** Whether vitest's globs put a file (its path from the project root) here: an include matches and no exclude does. */
  holds: (file: string) => boolean;
}

const projects: ProjectGlobs[] = (config.test?.projects ?? []).map((project) => {
  if (typeof project !== 'object' || !('test' in project) || project.test === undefined) throw new Error('a project of vitest.config.ts is not an inline project');
  const { name, include = [], exclude = [] } = project.test;
  const included = picomatch(include);
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return { name: typeof name === 'string' ? name : String(name?.label), include, exclude, holds: (file) => included(file) && !excluded(file) };
});

const testFiles = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.test.ts'))
  .map((path) => `test/${path}`)
  .sort();

describe('the vitest projects', () => {
  it('are unit and pipeline', () => {
    expect(projects.map((project) => project.name).sort()).toEqual(['pipeline', 'unit']);
  });

  it('hold every test file exactly once', () => {
    expect(testFiles.length).toBeGreaterThan(100);
    const notOnce = testFiles
      .map((file) => ({ file, projects: projects.filter((project) => project.holds(file)).map((project) => project.name) }))
      .filter(({ projects: holding }) => holding.length !== 1);
    expect(notOnce).toEqual([]);
  });

  it('name only test files that exist where they name one by its path', () => {
    const named = projects.flatMap((project) => [...project.include, ...project.exclude]).filter((glob) => !picomatch.scan(glob).isGlob);
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
