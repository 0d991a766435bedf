import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Debian's Chromium, installed by scripts/ensure-chromium.sh when missing (or CHROMIUM_PATH). */
function chromiumPath(): string {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  const out = execFileSync('bash', [join(ROOT, 'scripts/ensure-chromium.sh')], {
    encoding: 'utf8',
  });
  return out.trim().split('\n').pop() ?? 'chromium';
}

/**
 * Headless Chromium with its fake camera and microphone: getUserMedia answers with a test
 * pattern and a tone, without a permission prompt, as a patient's browser does once allowed.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}
