// Installs npm dependencies when they are missing or older than the lock file. Runs on the
// machine's own Node (any version >= 18), because it runs before the pinned Node 24 exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh && existsSync(join(ROOT, 'node_modules', '.bin', 'node'))) return;
  console.log('> installing npm dependencies (npm ci)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Environment whose PATH puts the project's binaries (and its Node 24) first. */
export function projectEnv(extra = {}) {
  const bin = join(ROOT, 'node_modules', '.bin');
  return { ...process.env, PATH: `${bin}:${process.env.PATH}`, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...extra };
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: projectEnv(), ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result;
}
