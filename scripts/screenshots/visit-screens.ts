import type { Browser, Page } from 'playwright-core';
import { demoPatientLink } from '../demo/demo-join-link';
import type { Shoot } from './take-screenshots';

const SETTLE = { timeout: 20_000 };

/**
 * The patient's visit page on a phone, from the join link of a demo visit ahead today: the
 * appointment (and consent if none is on record), the device check with Chromium's fake camera
 * and microphone, and the waiting room. The patient stays waiting, so the console's Today shows
 * them. Returns the clinic of that visit.
 */
export async function visitScreens(browser: Browser, shoot: Shoot): Promise<string> {
  const link = await demoPatientLink();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(link.url);
  await page.getByRole('heading', { name: 'Your visit', level: 1 }).waitFor(SETTLE);
  await page.waitForTimeout(1000);
  await shoot(page, 'visit-appointment');
  const agree = page.getByRole('button', { name: 'I agree' });
  if (await agree.isVisible()) await agree.click();
  await page.getByRole('button', { name: 'Start the check' }).click();
  await page.getByRole('button', { name: 'Enter the waiting room' }).waitFor(SETTLE);
  await shoot(page, 'visit-device-check');
  await page.getByRole('button', { name: 'Enter the waiting room' }).click();
  await page.getByText(/You are in the waiting room/).waitFor(SETTLE);
  await shoot(page, 'visit-waiting');
  await spanish(page, shoot);
  await context.close();
  return link.clinicId;
}

/** The same waiting room in Spanish, the patient's other language. */
async function spanish(page: Page, shoot: Shoot): Promise<void> {
  await page.getByRole('button', { name: 'Español' }).click();
  await page.waitForTimeout(500);
  await shoot(page, 'visit-waiting-es');
}
