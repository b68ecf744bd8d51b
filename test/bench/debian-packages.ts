import { spawnSync } from 'node:child_process';

/**
 * A reference tool the bench compares against: `probe()` when the machine has it, else, when the
 * bench runs as root, `probe()` again after installing `packages` from Debian (the only source
 * this machine reaches besides npm); `probe()`'s null or false when it is still missing.
 */
export function withDebianPackages<T>(probe: () => T, packages: readonly string[], announce: () => void): T {
  const found = probe();
  if (found || process.getuid?.() !== 0) return found;
  announce();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'ignore', env });
  return probe();
}
