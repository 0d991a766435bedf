import type { Page } from 'playwright-core';
import { join } from 'node:path';

const AXE = join(__dirname, '../../../../../node_modules/axe-core/axe.min.js');

/**
 * The WCAG 2.1 A and AA rules axe-core finds broken on the page, each with where. The page
 * must be opened with the Content-Security-Policy bypassed: axe is injected as an inline script.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate<string[]>(`
    axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((result) =>
      result.violations.map((v) =>
        v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '')).join('; ') + ')'))
  `);
}
