import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoLink, demoPatientLink } from '../demo/demo-join-link';
import type { Shoot } from './take-screenshots';

const SETTLE = { timeout: 30_000 };

/** A demo patient on their phone, with the visit page open on their join link. */
export interface PatientOnPhone {
  readonly link: DemoLink;
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * The visit page from the join link of a demo visit ahead today: the appointment (and consent
 * if none is on record), the device check with Chromium's fake camera and microphone, and the
 * waiting room, where the patient stays so the console's Today shows them.
 */
export async function patientWaits(browser: Browser, shoot: Shoot): Promise<PatientOnPhone> {
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
  return { link, context, page };
}

/** Admitted, then audio only and a problem reported in Spanish. */
export async function patientInVisit({ page }: PatientOnPhone, shoot: Shoot): Promise<void> {
  await page.getByText('You are in your visit').waitFor(SETTLE);
  await page.waitForTimeout(1000);
  await shoot(page, 'visit-admitted');
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByText('Está en su visita').waitFor(SETTLE);
  await page.getByRole('button', { name: 'Informar un problema' }).click();
  await page.getByRole('radio', { name: 'Los demás no me ven' }).check();
  await page.getByRole('button', { name: 'Enviar' }).click();
  await page.getByText('Se avisó al coordinador').waitFor(SETTLE);
  await shoot(page, 'visit-problem-reported');
}

/** After the provider ends the visit: the survey, answered. */
export async function patientAnswersSurvey({ page, context }: PatientOnPhone, shoot: Shoot) {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'How was your visit?' }).waitFor(SETTLE);
  await shoot(page, 'visit-survey');
  await page
    .getByRole('radiogroup', { name: /Overall/ })
    .getByRole('radio', { name: '5' })
    .check();
  await page
    .getByRole('radiogroup', { name: /recommend/ })
    .getByRole('radio', { name: '9' })
    .check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByText('Your answers were received.').waitFor(SETTLE);
  await shoot(page, 'visit-thanks');
  await context.close();
}
