import { eventually, RunningPlatform, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser/chromium';
import { checkScreen as checkPageScreen } from './browser/page-checks';
import { PlatformWithWebApp, startPlatformWithWebApp } from './browser/platform-with-web-app';
import type { RunningWebServer } from './browser/web-server';
import { book, firstSlotAfter, nthOpenSlot } from './scenario/bookings.steps';
import { healthSystem, Provider } from './scenario/health-system';
import { PlatformApi } from './scenario/platform-api';
import {
  defineSchedules,
  grantConsents,
  recordDirectory,
} from './scenario/schedules-and-consents.steps';
import { credentialProviders } from './scenario/staff-training.steps';

const settle = { timeoutMs: 120_000, intervalMs: 1000 };
const SLOT_MS = 30 * 60_000;

/** Hours from `now` to the next midnight on the wall clock of `timeZone`. */
function hoursLeftOfDay(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value);
  return 24 - part('hour') - part('minute') / 60;
}

/**
 * The coordinator's zone: the clinics' (New York), unless New York's day ends within three
 * hours, then Los Angeles' (a coordinator of the same clinics three hours west). The browser
 * runs on the coordinator's clock and Today is its calendar day: near New York's midnight the
 * visits booked half an hour ahead would be tomorrow's and never on the board.
 */
const COORDINATOR_ZONE =
  hoursLeftOfDay(new Date(), 'America/New_York') >= 3 ? 'America/New_York' : 'America/Los_Angeles';

/**
 * Waits past a slot boundary less than `marginMs` away: the first free slot a search finds just
 * before it starts while it is being booked, and is refused as too soon.
 */
async function awayFromSlotBoundary(marginMs: number): Promise<void> {
  const untilBoundary = SLOT_MS - (Date.now() % SLOT_MS);
  if (untilBoundary < marginMs)
    await new Promise((resolve) => setTimeout(resolve, untilBoundary + 1000));
}

/**
 * A coordinator's day in the console, in Chromium against the five services and the web
 * server: Today shows the visits by name and a patient arriving in the waiting room without a
 * reload; the patient's problem reaches the issue queue with its playbook and leaves it once
 * resolved; a visit with a Spanish interpreter is booked from the booking page and shows up in
 * Today; a patient's e-mail and language are recorded from their visit's row and read back.
 * Every screen is checked with axe-core and at 360 px, and kept as a screenshot.
 */
describe("a coordinator's day in the console", () => {
  const ns = new TestNamespace('e2e-console');
  let running: PlatformWithWebApp;
  let platform: RunningPlatform;
  let web: RunningWebServer;
  let api: PlatformApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const system = healthSystem({ providers: 3, patients: 5 });
  const [arriving, withInterpreter, withoutConsent, bookedInBrowser] = system.patients as [
    string,
    string,
    string,
    string,
  ];
  const interpreter: Provider = {
    id: randomUUID(),
    clinicId: system.clinics[0]!,
    state: system.clinicStates[0]!,
  };
  const coordinator = { role: 'coordinator', sub: system.coordinator } as const;
  const provider = (index: number) => system.providers[index]!;
  const firstSlot = firstSlotAfter(new Date(), 20);
  let arrivingSession = '';

  beforeAll(async () => {
    running = await startPlatformWithWebApp(ns);
    ({ platform, web } = running);
    api = new PlatformApi(platform);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: COORDINATOR_ZONE,
      locale: 'en-US',
      // axe-core is added to each page as a script: the app's CSP would refuse it.
      bypassCSP: true,
    });
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await ns.dispose();
  });

  /** The screen passes axe-core's WCAG 2.1 AA rules, fits 360 px, and is kept as a picture. */
  const checkScreen = (name: string) => checkPageScreen(page, `console-${name}`);

  async function sessionOf(patientId: string): Promise<string> {
    let sessionId = '';
    await eventually(async () => {
      const sessions = await api.expect<{ sessionId: string }[]>(
        200,
        'sessions',
        'GET',
        `/api/v1/patients/${patientId}/sessions`,
        { role: 'patient', sub: patientId },
      );
      expect(sessions).toHaveLength(1);
      sessionId = sessions[0]!.sessionId;
    }, settle);
    return sessionId;
  }

  it('sets up a small health system: clinics, providers, a Spanish interpreter, a coordinator, consents and the morning bookings', async () => {
    await recordDirectory(api, system);
    const admin = { role: 'admin', sub: system.admin } as const;
    const staff = (id: string, body: object) =>
      api.expect(200, 'scheduling', 'PUT', `/api/v1/directory/staff/${id}`, admin, {
        organizationId: system.organizationId,
        clinicIds: [...system.clinics],
        licences: [],
        active: true,
        ...body,
      });
    await staff(system.coordinator, {
      name: { family: 'Rivera', given: ['Casey'] },
      functions: ['coordinator'],
      languages: ['en'],
    });
    await staff(interpreter.id, {
      name: { family: 'Ortega', given: ['Lucía'] },
      functions: ['interpreter'],
      languages: ['en', 'es'],
    });
    // An interpreter's time is held like a provider's: a credential and open hours.
    const staffToCredential = { ...system, providers: [...system.providers, interpreter] };
    await credentialProviders(api, staffToCredential);
    await defineSchedules(api, staffToCredential);
    await grantConsents(api, system, new Set([withoutConsent]));

    // Credentials reach scheduling through Kafka: the first bookings wait for them.
    await eventually(async () => {
      expect((await book(api, arriving, provider(0), firstSlot)).status).toBe(201);
    }, settle);
    await eventually(async () => {
      const booked = await api.call('scheduling', 'POST', '/api/v1/appointments', coordinator, {
        patientId: withInterpreter,
        providerId: provider(1).id,
        clinicId: provider(1).clinicId,
        patientLocation: { state: provider(1).state },
        visitType: 'video',
        start: firstSlot.toISOString(),
        end: new Date(firstSlot.getTime() + SLOT_MS).toISOString(),
        timeZone: COORDINATOR_ZONE,
        interpreter: { language: 'es' },
      });
      expect(booked.status).toBe(201);
    }, settle);
    // The next open slot: the one after 23:00 UTC is 00:00, the scenario's hours close 23:30.
    const later = nthOpenSlot(firstSlot, 1);
    expect((await book(api, withoutConsent, provider(2), later)).status).toBe(201);
    arrivingSession = await sessionOf(arriving);
    // The sign-in page's roster is the directory's staff of each clinic (kept a minute).
    await eventually(async () => {
      const listed = await api.expect<{ staffId: string }[]>(
        200,
        'scheduling',
        'GET',
        `/api/v1/directory/staff?clinicId=${system.clinics[0]}`,
        admin,
      );
      expect(listed.map((s) => s.staffId)).toContain(system.coordinator);
    }, settle);
  });

  it('signs the coordinator in on the development sign-in page', async () => {
    await page.goto(`${web.url}/sign-in`);
    await page.locator(`#person option[value="${system.coordinator}"]`).waitFor({
      state: 'attached',
    });
    await page.selectOption('#role', 'coordinator');
    await page.selectOption('#person', system.coordinator);
    await checkScreen('sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/console/today');
  });

  it("shows Today's visits by provider and clinic name, with each visit's readiness", async () => {
    const row = page.locator(`tr[data-session-id="${arrivingSession}"]`);
    await row.waitFor({ timeout: 60_000 });
    const text = await row.innerText();
    expect(text).toContain('Dr. Scenario Provider1');
    expect(text).toContain('Scenario Clinic 1');
    expect(text).toContain('Booked');
    // The patient without consent is not ready, and the row says whom to ask.
    const unready = page.locator('tr', { hasText: withoutConsent.slice(0, 8) });
    await unready.getByText('Not ready', { exact: true }).waitFor({ timeout: 60_000 });
    // The interpreter held for the visit is named.
    await page.getByText('Interpreter: Lucía Ortega').waitFor({ timeout: 60_000 });
    await page.locator('.live .badge', { hasText: 'Live' }).waitFor();
    await checkScreen('today');
    // Needs attention: only the visit that is not ready.
    await page.getByLabel('Needs attention only').check();
    await page.getByText('1 of 3 visits shown').waitFor();
    await page.getByLabel('Needs attention only').uncheck();
  });

  it('sees the patient who opens their link appear as waiting, without a reload', async () => {
    await page.evaluate('window.stillTheSamePage = true');
    const link = await api.expect(
      201,
      'sessions',
      'POST',
      `/api/v1/sessions/${arrivingSession}/links`,
      coordinator,
      { participantId: arriving },
    );
    expect(String(link.url)).toContain(`${web.url}/join#`);
    const joined = await fetch(`${platform.url('sessions')}/api/v1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: String(link.url).split('#')[1] }),
    });
    expect(joined.status).toBe(200);
    await page
      .locator(`tr[data-session-id="${arrivingSession}"] .badge`, { hasText: 'Waiting' })
      .waitFor({ timeout: 60_000 });
    expect(await page.evaluate('window.stillTheSamePage')).toBe(true);
  });

  it("sends the patient a new join link from the visit's row, and revokes it", async () => {
    const row = page.locator(`tr[data-session-id="${arrivingSession}"]`);
    await row.getByText('Actions', { exact: true }).click();
    await row.getByRole('button', { name: 'Send a new join link' }).click();
    const link = row.getByLabel('Link for the patient');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toContain(`${web.url}/join#`);
    await checkScreen('today-link');
    await row.getByRole('button', { name: 'Revoke this link' }).click();
    await row.getByText('The link for the patient no longer works.').waitFor();
    const refused = await fetch(`${platform.url('sessions')}/api/v1/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: url.split('#')[1] }),
    });
    expect(refused.status).toBe(410);
  });

  it('takes the patient’s problem from the issue queue, with its playbook, assigns and resolves it', async () => {
    const reported = await api.expect(
      201,
      'sessions',
      'POST',
      `/api/v1/sessions/${arrivingSession}/issues`,
      { role: 'patient', sub: arriving },
      { category: 'audio', participantId: arriving, device: 'desktop', browser: 'chrome' },
    );
    await page.getByRole('link', { name: 'Issue queue' }).click();
    const card = page.locator(`li[data-issue-id="${reported.issueId}"]`);
    await card.waitFor({ timeout: 60_000 });
    expect(await card.innerText()).toContain('Audio problem');
    expect(await card.locator('ol.steps li').count()).toBeGreaterThan(0);
    // The queue names the visit from today's board, once the board's stream has answered.
    await card.getByText(/with Dr\. Scenario Provider1, Scenario Clinic 1/).waitFor();
    expect(await card.innerText()).toContain('reported by a participant');
    await checkScreen('issues');

    await card.getByRole('button', { name: 'Assign to me' }).click();
    await card.getByText('Assigned to you').waitFor({ timeout: 30_000 });
    await card.locator('fieldset input[type="checkbox"]').first().check();
    await card.getByRole('button', { name: 'Resolve' }).click();
    await card.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByText('No open issues.').waitFor({ timeout: 30_000 });
  });

  it('books a visit with a Spanish interpreter for another patient, and sees it in Today', async () => {
    await page.getByRole('link', { name: 'Book a visit' }).click();
    await page.locator(`#clinic option[value="${provider(0).clinicId}"]`).waitFor({
      state: 'attached',
    });
    await page.fill('#patient-id', bookedInBrowser);
    await page.fill('#patient-state', provider(0).state);
    await page.selectOption('#clinic', provider(0).clinicId);
    await page.getByLabel('The patient needs an interpreter').check();
    await page.selectOption('#interpreter-language', 'es');
    await page.getByLabel('Hold an interpreter of the pool now').check();
    await awayFromSlotBoundary(2 * 60_000);
    await page.getByRole('button', { name: 'Search free slots' }).click();
    // The first free slot of the day that is not the interpreter's visit at the first slot.
    const slots = page.locator('input[name="slot"]');
    await slots.first().waitFor({ timeout: 30_000 });
    await slots.first().check();
    await checkScreen('book');
    await page.getByRole('button', { name: 'Book this slot' }).click();
    const booked = page.locator('section[data-appointment-id]');
    await booked.getByRole('heading', { name: 'Visit booked' }).waitFor({ timeout: 30_000 });
    expect(await booked.innerText()).toContain('Lucía Ortega (es), held for the visit');
    expect(await booked.innerText()).toContain('Dr. Scenario Provider1');
    await checkScreen('booked');

    await page.getByRole('link', { name: 'Today' }).click();
    await page
      .locator('tr', { hasText: bookedInBrowser.slice(0, 8) })
      .first()
      .waitFor({ timeout: 60_000 });
  });

  it('shows the platform status and the reports', async () => {
    await page.getByRole('link', { name: 'Platform status' }).click();
    await page.getByRole('heading', { name: /Operational|Incident/ }).waitFor({ timeout: 30_000 });
    await checkScreen('status');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('link', { name: /Open the dashboard/ }).waitFor();
    await checkScreen('reports');
  });

  it("keeps a patient's e-mail and language from their visit in Today, and reads them back", async () => {
    // The patient booked on the booking page above: a visit in a clinic the coordinator covers.
    const patientId = bookedInBrowser;
    const contacts = `/api/v1/people/${patientId}/contact-preferences`;
    // notifications learns the clinics of the patient's visits from scheduling's events; until
    // then it refuses the coordinator. Nothing is on record yet: 404.
    await eventually(async () => {
      expect((await api.call('notifications', 'GET', contacts, coordinator)).status).toBe(404);
    }, settle);
    await page.getByRole('link', { name: 'Today' }).click();
    const row = page.locator('tr', { hasText: patientId.slice(0, 8) }).first();
    await row.getByRole('link', { name: /Contact preferences/ }).click();
    await page.waitForURL(`**/console/contacts?patient=${patientId}*`);
    await page.getByText('Nothing is on record for this patient yet').waitFor({ timeout: 30_000 });

    const email = `${patientId}@patients.example.org`;
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Mobile', { exact: true }).fill('555 0123');
    await page.getByLabel('Language of the messages').selectOption('es');
    await page.getByLabel('The patient agrees to e-mail').check();
    await page.getByRole('button', { name: 'Save the preferences' }).click();
    // The service's refusal names the mobile number; it is shown beside it and read with it.
    const mobileProblem = page.locator('#contact-mobile-problem');
    await mobileProblem.waitFor({ timeout: 30_000 });
    expect(await mobileProblem.innerText()).toContain('E.164');
    expect(
      await page.getByLabel('Mobile', { exact: true }).getAttribute('aria-describedby'),
    ).toContain('contact-mobile-problem');
    await checkScreen('contacts-refused');
    expect((await api.call('notifications', 'GET', contacts, coordinator)).status).toBe(404);

    await page.getByLabel('Mobile', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save the preferences' }).click();
    await page
      .getByText('Saved: the messages follow these preferences')
      .waitFor({ timeout: 30_000 });
    const onRecord = page.locator('section', {
      has: page.getByRole('heading', { name: 'On record' }),
    });
    expect(await onRecord.innerText()).toContain(email);
    expect(await onRecord.innerText()).toContain('Spanish (es)');
    expect(await onRecord.locator('dd[data-channel="email"]').innerText()).toContain('Agreed');
    const kept = await api.expect(200, 'notifications', 'GET', contacts, coordinator);
    expect(kept).toMatchObject({
      email,
      preferredLanguage: 'es',
      consent: { byEmail: true, bySms: false },
    });
    await checkScreen('contacts');

    // On the patient's word, staff opt them out of SMS: the record says so, in words.
    await page.getByRole('button', { name: 'Opt out of SMS' }).click();
    await page.getByText('Already opted out of SMS.').waitFor({ timeout: 30_000 });
    expect(await onRecord.locator('dd[data-channel="sms"]').innerText()).toContain('Opted out');
  });
});
