import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..', '..');
const AXE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly {
    readonly target: readonly unknown[];
    readonly failureSummary?: string;
  }[];
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now and returns each
 * violation as one readable line (rule, what it asks, where), so a failure says what to fix.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  // A string, evaluated in the page: this code is compiled without the DOM's types.
  const violations = await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  );
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ')}`,
  );
}

/**
 * The page at a phone's 360 px: nothing wider than the screen, so nothing needs a sideways
 * scroll. Returns the widths for the assertion message.
 */
export async function widthAt360(page: Page): Promise<{ viewport: number; content: number }> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForTimeout(100);
  const content = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  if (before) await page.setViewportSize(before);
  return { viewport: 360, content };
}

/**
 * Keeps a screenshot of the screen under its name: in THC_SCREENSHOTS_DIR when set (the docs'
 * screenshots are taken that way), otherwise with the test's output.
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env['THC_SCREENSHOTS_DIR'] ?? join(ROOT, 'tmp', 'test-output', 'screens');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * What every screen of the browser tests must pass: no WCAG 2.1 A/AA violation by axe-core,
 * nothing wider than a 360 px phone; and a picture of it kept under `name`.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  expect((await widthAt360(page)).content).toBeLessThanOrEqual(360);
  await keepScreenshot(page, name);
}
