// `npm run screenshots`: pictures of every screen on the demo data, for docs/screenshots/ (linked
// from the README). Run it while `npm start` is up with its demo loaded; it signs in through the
// web app's local sign-in like a person and opens each screen at desktop and phone width.
//   WEB_URL (default http://127.0.0.1:3000), SESSIONS_URL (http://127.0.0.1:3002),
//   THC_SCREENSHOTS_DIR (default docs/screenshots)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@thc/testing';
import type { Browser, Page } from 'playwright-core';
import { staffScreens } from './staff-screens';
import { visitScreens } from './visit-screens';

const ROOT = join(__dirname, '..', '..');
const DIR = process.env['THC_SCREENSHOTS_DIR'] ?? join(ROOT, 'docs', 'screenshots');

export type Shoot = (page: Page, name: string) => Promise<void>;

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const browser: Browser = await launchChromium();
  const shoot: Shoot = async (page, name) => {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: true });
    process.stdout.write(`  ${name}.png\n`);
  };
  try {
    // The patient first: they wait in the room, and the coordinator then sees them in Today.
    const clinicId = await visitScreens(browser, shoot);
    await staffScreens(browser, shoot, clinicId);
  } finally {
    await browser.close();
  }
  process.stdout.write(`screenshots in ${DIR}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
