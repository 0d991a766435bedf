// `npm run screenshots`: pictures of every screen on the demo data, for docs/screenshots/ (linked
// from the README). Run it while `npm start` is up with its demo loaded. It plays one visit of
// the demo as the people in it would: the patient on their phone opens their link, checks their
// devices and waits; their coordinator sees them in Today; the provider (through the API, as
// their video client would) admits them; the patient reports a problem in Spanish, which the
// coordinator finds in the issue queue; the visit ends and the patient answers the survey.
// It changes that one demo visit, as those people would.
//   WEB_URL (default http://127.0.0.1:3000), SESSIONS_URL (http://127.0.0.1:3002),
//   THC_SCREENSHOTS_DIR (default docs/screenshots)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@thc/testing';
import type { Page } from 'playwright-core';
import { DemoProvider } from './provider-actions';
import { analystScreens, CoordinatorAtDesk, roster } from './staff-screens';
import { patientAnswersSurvey, patientInVisit, patientWaits } from './visit-screens';

const ROOT = join(__dirname, '..', '..');
const DIR = process.env['THC_SCREENSHOTS_DIR'] ?? join(ROOT, 'docs', 'screenshots');

export type Shoot = (page: Page, name: string) => Promise<void>;

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const browser = await launchChromium();
  const shoot: Shoot = async (page, name) => {
    await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: true });
    process.stdout.write(`  ${name}.png\n`);
  };
  try {
    const patient = await patientWaits(browser, shoot);
    const { clinicId } = patient.link;
    const state = (await roster()).clinics.find((c) => c.id === clinicId)?.state ?? 'NY';
    const coordinator = await CoordinatorAtDesk.signIn(browser, shoot, clinicId);
    await coordinator.today();
    await coordinator.status();
    const provider = await DemoProvider.of(patient.link);
    await provider.startAndAdmit(state);
    await patientInVisit(patient, shoot);
    await coordinator.issues();
    await provider.end();
    await patientAnswersSurvey(patient, shoot);
    await coordinator.book(clinicId, state);
    await coordinator.close();
    await analystScreens(browser, shoot);
  } finally {
    await browser.close();
  }
  process.stdout.write(`screenshots in ${DIR}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
