import type { Browser } from 'playwright-core';
import { demoPatientLink } from '../demo/demo-join-link';
import type { Shoot } from './take-screenshots';

/** The patient's visit page on a phone, from the join link. */
export async function visitScreens(browser: Browser, shoot: Shoot): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(await demoPatientLink());
  await page.waitForTimeout(2000);
  await shoot(page, 'visit-appointment');
  await context.close();
}
