// Readers for the reference vectors in ../shared/vectors/spc-funnel (see its README for the
// format: exact doubles, empty cell = NA, NaN / Infinity spelled out, booleans true/false).
import { SHARED } from '../support/shared.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

// Shared, read-only reference vectors (not copied into the repo: ~3 MB, and fp_04–06 derive from GPL data).
export const VECTORS = join(SHARED, 'vectors/spc-funnel');

export type Row = Readonly<Record<string, string>>;

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

export function readCsv(relativePath: string): Row[] {
  const lines = readFileSync(join(VECTORS, relativePath), 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = splitLine(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = splitLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(VECTORS, relativePath), 'utf8')) as T;
}

/** A numeric cell; NA (empty) becomes null. */
export function num(row: Row, column: string): number | null {
  const s = row[column];
  if (s === undefined) throw new Error(`no column ${column}`);
  return s === '' ? null : Number(s);
}

export function numOrThrow(row: Row, column: string): number {
  const v = num(row, column);
  if (v === null) throw new Error(`NA in column ${column}`);
  return v;
}

/** A boolean cell; NA (empty) becomes null. */
export function bool(row: Row, column: string): boolean | null {
  const s = row[column];
  if (s === undefined) throw new Error(`no column ${column}`);
  return s === '' ? null : s === 'true';
}

/**
 * Relative comparison: |actual − expected| ≤ rel·|expected|, exact for 0, NaN and ±Infinity.
 */
export function expectClose(actual: number | null, expected: number | null, rel: number, what: string): void {
  if (expected === null || actual === null || Number.isNaN(expected) || !Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(actual, what).not.toBeNull();
  const diff = Math.abs(actual - expected);
  if (!(diff <= rel * Math.abs(expected))) {
    expect.fail(`${what}: ${actual} vs ${expected} (relative error ${diff / Math.abs(expected)} > ${rel})`);
  }
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
