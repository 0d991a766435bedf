import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../..');

/**
 * Chromium from the Debian package, installed by scripts/ensure-chromium.sh when missing, so
 * `npm test` needs no browser set up beforehand. Call it first, while nothing else runs in the
 * process: an install blocks it for a minute or two.
 */
export function chromiumPath(): string {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  const out = execFileSync('bash', [join(ROOT, 'scripts/ensure-chromium.sh')], {
    encoding: 'utf8',
  });
  return out.trim().split('\n').pop() ?? 'chromium';
}
