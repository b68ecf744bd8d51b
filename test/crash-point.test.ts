import { afterEach, describe, expect, it } from 'vitest';
import { DISK_FULL_AT_VARIABLE, crashPoint, parseCrashAt } from '../pipeline/crash-point.ts';

describe('parseCrashAt', () => {
  it('reads a point, with its occurrence counting from 1', () => {
    expect(parseCrashAt('publish.set-aside')).toEqual({ name: 'publish.set-aside', occurrence: 1 });
    expect(parseCrashAt('ingest.file-committed:2')).toEqual({ name: 'ingest.file-committed', occurrence: 2 });
    expect(parseCrashAt(' marts.built:12 ')).toEqual({ name: 'marts.built', occurrence: 12 });
  });

  it('arms nothing when unset, empty or malformed', () => {
    for (const value of [undefined, '', '   ', 'marts.built:0', 'marts.built:', 'marts.built:-1', 'marts.built:1.5', 'a b', ':2']) {
      expect(parseCrashAt(value)).toBeNull();
    }
  });
});

describe('HEARKEN_DISK_FULL_AT', () => {
  afterEach(() => {
    delete process.env[DISK_FULL_AT_VARIABLE];
  });

  it('fails the named point the n-th time it is reached with the error a full disk gives (ENOSPC), and no other point', () => {
    process.env[DISK_FULL_AT_VARIABLE] = 'publish.built:2';
    expect(() => crashPoint('marts.built')).not.toThrow();
    expect(() => crashPoint('publish.built')).not.toThrow();
    expect(() => crashPoint('publish.built')).toThrow(expect.objectContaining({ code: 'ENOSPC', syscall: 'write' }));
    expect(() => crashPoint('publish.built')).not.toThrow();
  });
});
