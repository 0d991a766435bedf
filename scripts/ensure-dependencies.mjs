// Installs npm dependencies when they are missing or older than the lock file. Runs on the
// machine's own Node (any version >= 18), because it runs before the pinned Node 24 exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh && existsSync(join(ROOT, 'node_modules', '.bin', 'node'))) return;
  const node = pinnedNode(lock);
  console.log(`> installing npm dependencies (npm ci on Node ${node.version})`);
  // npm and every install script it starts find `node` on PATH, so they all run on that Node:
  // on an older one, npm warns (EBADENGINE) about each package that needs Node 22 or later.
  const env = { ...process.env, PATH: `${dirname(node.path)}${delimiter}${process.env.PATH}` };
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * The Node the project pins (the `node` package of the lock file): this process's own Node when
 * it has the same major version, otherwise that version from the npm registry, fetched once into
 * npm's cache by `npm exec` (the project's install later takes it from that cache too).
 */
function pinnedNode(lock) {
  const own = { path: process.execPath, version: process.versions.node };
  const version = JSON.parse(readFileSync(lock, 'utf8')).packages?.['node_modules/node']?.version;
  if (!version || version.split('.')[0] === own.version.split('.')[0]) return own;
  console.log(`> fetching Node ${version} to install with (this is Node ${own.version})`);
  const fetched = spawnSync(
    'npm',
    ['exec', '--yes', `--package=node@${version}`, '--', 'node', '-p', 'process.execPath'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const path = fetched.stdout?.trim().split('\n').pop();
  if (fetched.status !== 0 || !path || !existsSync(path)) {
    console.log(`> could not fetch Node ${version}; installing on Node ${own.version}`);
    return own;
  }
  return { path, version };
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
