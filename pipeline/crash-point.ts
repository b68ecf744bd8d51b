/** The environment variable that arms a crash point: `name`, or `name:n` for its n-th time. */
export const CRASH_AT_VARIABLE = 'HEARKEN_CRASH_AT';
/** The same for a full disk: the point fails as a write to a full disk does (for machines where a test cannot mount a small disk). */
export const DISK_FULL_AT_VARIABLE = 'HEARKEN_DISK_FULL_AT';

/** The moments a run can be killed at on purpose: stage boundaries and the dangerous places in between. */
export const CRASH_POINTS = [
  'ingest.file-transaction', // a file's rows are written, its transaction not yet committed
  'ingest.file-committed',
  'text.batch-stored',
  'marts.built',
  'warnings.logged',
  'publish.built', // the new site is complete beside the old one, not yet swapped in
  'publish.set-aside', // between the two renames: the old site moved aside, the new one not yet in place
  'publish.swapped',
] as const;

export type CrashPointName = (typeof CRASH_POINTS)[number];

export interface CrashAt {
  name: string;
  occurrence: number;
}

/**
 * Reads a `HEARKEN_CRASH_AT` value: a point's name, optionally followed by `:n` (the n-th time
 * the point is reached, counting from 1). Null when unset, empty or malformed, so a stray value
 * never kills a run.
 *
 * @example parseCrashAt('ingest.file-committed:2') // { name: 'ingest.file-committed', occurrence: 2 }
 */
export function parseCrashAt(value: string | undefined): CrashAt | null {
  const match = /^([a-z.-]+)(?::([1-9]\d*))?$/.exec(value?.trim() ?? '');
  if (match === null) return null;
  return { name: match[1]!, occurrence: match[2] === undefined ? 1 : Number(match[2]) };
}

const reached = new Map<string, number>();

/** Whether `variable` names this point and this is the occurrence it names (counted only while armed). */
function armedHere(variable: string, name: CrashPointName): boolean {
  const armed = parseCrashAt(process.env[variable]);
  if (armed === null || armed.name !== name) return false;
  const key = `${variable} ${name}`;
  const count = (reached.get(key) ?? 0) + 1;
  reached.set(key, count);
  return count === armed.occurrence;
}

/**
 * A test hook: kills this process with SIGKILL, as a power cut would, when `HEARKEN_CRASH_AT`
 * names this point (and its occurrence), so that a test can stop a run at an exact moment instead
 * of at a guessed time; throws Node's ENOSPC error, as a write to a full disk would, when
 * `HEARKEN_DISK_FULL_AT` names it. Does nothing otherwise. Not for users: a run has no other
 * reason to die here, and nothing is flushed or cleaned up on the way out of a kill.
 *
 * @example HEARKEN_CRASH_AT=publish.set-aside hearken run ...  # dies between the two renames of the swap
 */
export function crashPoint(name: CrashPointName): void {
  if (armedHere(CRASH_AT_VARIABLE, name)) process.kill(process.pid, 'SIGKILL');
  if (armedHere(DISK_FULL_AT_VARIABLE, name)) {
    throw Object.assign(new Error(`ENOSPC: no space left on device, write (${DISK_FULL_AT_VARIABLE}=${name})`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  }
}
