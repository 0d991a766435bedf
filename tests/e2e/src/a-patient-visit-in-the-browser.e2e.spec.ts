import { eventually, RunningPlatform, TestNamespace } from '@thc/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser/chromium';
import { checkScreen as checkPageScreen } from './browser/page-checks';
import { PlatformWithWebApp, startPlatformWithWebApp } from './browser/platform-with-web-app';
import type { RunningWebServer } from './browser/web-server';
import { book, firstSlotAfter } from './scenario/bookings.steps';
import { healthSystem } from './scenario/health-system';
import { PlatformApi } from './scenario/platform-api';
import { defineSchedules, recordDirectory } from './scenario/schedules-and-consents.steps';
import { credentialProviders } from './scenario/staff-training.steps';

const settle = { timeoutMs: 120_000, intervalMs: 1000 };
/** How long the page may take to show what the platform did, without a reload. */
const LIVE = { timeout: 30_000 };

/**
 * A patient's visit as they live it on their phone: the join link opened in Chromium (with its
 * fake camera and microphone) against the five services and the web server, the staff's part
 * played through the APIs. Every screen is checked for WCAG 2.1 AA and a 360 px width.
 */
describe("a patient's visit in the browser, from the join link", () => {
  const ns = new TestNamespace('e2e-visit-page');
  const system = healthSystem({ providers: 1, patients: 1 });
  const patientId = system.patients[0]!;
  const provider = system.providers[0]!;
  const coordinator = { role: 'coordinator', sub: system.coordinator } as const;
  const asProvider = { role: 'provider', sub: provider.id } as const;
  let running: PlatformWithWebApp;
  let platform: RunningPlatform;
  let web: RunningWebServer;
  let api: PlatformApi;
  let browser: Browser;
  let page: Page;
  let sessionId: string;
  let joinUrl: string;

  /** The visit as the patient's link reads it, outside the browser. */
  const visitOfLink = async (): Promise<any> => {
    const token = joinUrl.split('#')[1]!;
    const device = (await page.evaluate(`sessionStorage.getItem('visit-device:${token}')`)) as
      string | null;
    const response = await fetch(`${web.url}/svc/sessions/api/v1/visit`, {
      headers: { 'x-join-token': token, ...(device ? { 'x-device-token': device } : {}) },
    });
    expect(response.status).toBe(200);
    return response.json();
  };

  /** Each screen: no WCAG violation, nothing wider than a phone, and a picture of it kept. */
  const checkScreen = (name: string) => checkPageScreen(page, `visit-${name}`);

  beforeAll(async () => {
    running = await startPlatformWithWebApp(ns, { sessionsEnv: { SESSIONS_LIVE_POLL_MS: '500' } });
    ({ platform, web } = running);
    api = new PlatformApi(platform);
    browser = await launchChromium();
    const context = await browser.newContext({
      // axe-core is injected as a script, which the page's policy (scripts of its own origin
      // only) would refuse.
      bypassCSP: true,
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      timezoneId: 'Europe/Madrid',
    });
    page = await context.newPage();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await ns.dispose();
  });

  it("books a visit a few minutes away for a patient without consent, and issues the patient's join link", async () => {
    await recordDirectory(api, system);
    await credentialProviders(api, system);
    await defineSchedules(api, system);
    // The provider's credentials reach scheduling through Kafka. The slot is chosen again on
    // every try: a slot a few seconds away when the first try was refused is past by the next.
    let appointmentId = '';
    await eventually(async () => {
      const booked = await book(api, patientId, provider, firstSlotAfter(new Date(), 1));
      expect(booked.status).toBe(201);
      appointmentId = booked.body.appointmentId;
    }, settle);
    await eventually(async () => {
      const sessions = await api.expect<{ sessionId: string; appointmentId: string }[]>(
        200,
        'sessions',
        'GET',
        `/api/v1/patients/${patientId}/sessions`,
        { role: 'patient', sub: patientId },
      );
      const session = sessions.find((s) => s.appointmentId === appointmentId);
      expect(session).toBeDefined();
      sessionId = session!.sessionId;
    }, settle);
    const link = await api.expect(
      201,
      'sessions',
      'POST',
      `/api/v1/sessions/${sessionId}/links`,
      coordinator,
      {
        participantId: patientId,
      },
    );
    joinUrl = link.url;
    expect(joinUrl.startsWith(`${web.url}/join#`)).toBe(true);
  });

  it("shows the appointment in the clinic's time zone, with the clinic and the provider", async () => {
    // The clinic and provider names reach sessions from the directory through Kafka.
    await eventually(async () => {
      await page.goto(joinUrl);
      const card = page.getByRole('region', { name: 'Appointment' });
      await card.waitFor(LIVE);
      await expect(card.textContent()).resolves.toContain('Scenario Clinic 1');
      await expect(card.textContent()).resolves.toContain('Provider1');
    }, settle);
    const card = (await page.getByRole('region', { name: 'Appointment' }).textContent()) ?? '';
    expect(card).toContain('(New York time)');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('heading', { name: 'Your visit', level: 1 }).waitFor();
    await checkScreen('appointment');
  });

  it('asks for consent: not agreeing records nothing and says how to be seen in person; agreeing records it', async () => {
    const agree = page.getByRole('button', { name: 'I agree' });
    await agree.waitFor(LIVE);
    await page.getByRole('heading', { level: 2, name: /consent/i }).waitFor(LIVE);
    await checkScreen('consent');
    await page.getByRole('button', { name: 'I do not agree' }).click();
    await page.getByText(/Nothing was recorded.*in-person visit/).waitFor(LIVE);
    expect((await visitOfLink()).consentOnRecord).toBe(false);
    await checkScreen('consent-declined');
    await page.getByRole('button', { name: 'Read the consent again' }).click();
    await agree.click();
    await page.getByRole('button', { name: 'Start the check' }).waitFor(LIVE);
    await eventually(async () => expect((await visitOfLink()).consentOnRecord).toBe(true), settle);
  });

  it('checks the real camera and microphone, and records the check without opening an issue', async () => {
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.locator('.camera-preview video').waitFor(LIVE);
    await page.getByText('Everything works. You are ready.').waitFor(LIVE);
    const results = (await page.locator('.check-results').textContent()) ?? '';
    expect(results).toMatch(/Camera\s*Works/);
    expect(results).toMatch(/Microphone\s*Works/);
    expect(results).toMatch(/Connection\s*Works/);
    const queue = await api.expect<{ sessionId: string }[]>(
      200,
      'sessions',
      'GET',
      '/api/v1/issues/open',
      coordinator,
    );
    expect(queue.filter((issue) => issue.sessionId === sessionId)).toEqual([]);
    await checkScreen('device-check');
  });

  it('enters the waiting room and shows it live', async () => {
    await page.getByRole('button', { name: 'Enter the waiting room' }).click();
    await page.getByText(/You are in the waiting room/).waitFor(LIVE);
    expect((await visitOfLink()).state).toBe('waiting');
    await checkScreen('waiting');
  });

  it('shows the provider joining, then the visit once admitted, without a reload', async () => {
    const s = `/api/v1/sessions/${sessionId}`;
    await api.expect(200, 'sessions', 'POST', `${s}/patient-location`, asProvider, {
      state: provider.state,
    });
    // The consent given on the page reaches sessions from compliance-audit through Kafka.
    await eventually(async () => {
      expect((await api.call('sessions', 'POST', `${s}/start`, asProvider)).status).toBe(200);
    }, settle);
    await page.getByText('Your provider is joining').waitFor(LIVE);
    await checkScreen('provider-joining');
    const providerLink = await api.expect(201, 'sessions', 'POST', `${s}/links`, coordinator, {
      participantId: provider.id,
    });
    await api.expect(200, 'sessions', 'POST', '/api/v1/join', asProvider, {
      token: String(providerLink.url).split('#')[1],
    });
    await api.expect(200, 'sessions', 'POST', `${s}/admit`, asProvider);
    await page.getByText('You are in your visit').waitFor(LIVE);
    await page.locator('.in-visit .camera-preview video').waitFor(LIVE);
    await checkScreen('admitted');
  });

  it('offers audio only when the camera stops, and switches to it', async () => {
    await page.evaluate(
      `document.querySelector('.in-visit .camera-preview video').srcObject.getVideoTracks().forEach((t) => t.stop())`,
    );
    await page.getByText('Your camera stopped working').waitFor(LIVE);
    await checkScreen('video-lost');
    await page.getByRole('alert').getByRole('button', { name: 'Switch to audio only' }).click();
    await page.getByText('You are on audio only').waitFor(LIVE);
    await eventually(async () => expect((await visitOfLink()).audioOnly).toBe(true), settle);
    await checkScreen('audio-only');
  });

  it('reports "they cannot see me" in Spanish: the coordinators have the issue, the patient the steps', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');
    await page.getByText('Está en su visita').waitFor(LIVE);
    await page.getByRole('button', { name: 'Informar un problema' }).click();
    await page.getByRole('radio', { name: 'Los demás no me ven' }).check();
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByText('Se avisó al coordinador').waitFor(LIVE);
    const steps = (await page.locator('.in-visit ol.steps').textContent()) ?? '';
    expect(steps).toContain('Vuelva a cargar la página de la visita.');
    const queue = await api.expect<{ sessionId: string; category: string }[]>(
      200,
      'sessions',
      'GET',
      '/api/v1/issues/open',
      coordinator,
    );
    expect(queue.filter((issue) => issue.sessionId === sessionId)).toEqual([
      expect.objectContaining({ category: 'video' }),
    ]);
    await checkScreen('problem-reported');
  });

  it('asks for the survey when the provider ends the visit, and records the answers', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await api.expect(200, 'sessions', 'POST', `/api/v1/sessions/${sessionId}/end`, asProvider, {
      outcome: 'completed',
    });
    await page.getByRole('heading', { name: 'How was your visit?' }).waitFor(LIVE);
    await checkScreen('survey');
    await page
      .getByRole('radiogroup', { name: /Overall/ })
      .getByRole('radio', { name: '5' })
      .check();
    await page
      .getByRole('radiogroup', { name: /recommend/ })
      .getByRole('radio', { name: '9' })
      .check();
    await page
      .getByRole('radiogroup', { name: /sound and picture/ })
      .getByRole('radio', { name: '4' })
      .check();
    await page.getByLabel(/Anything else/).fill('The picture froze once.');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Your answers were received.').waitFor(LIVE);
    expect((await visitOfLink()).surveyed).toBe(true);
    await checkScreen('thanks');
  });

  it("shows the service's own explanation for a link it does not know, in the page's language", async () => {
    const forged = `${web.url}/join#eyJhbGciOiJIUzI1NiJ9.eyJsaWQiOiJub25lIn0.bm90LXNpZ25lZA`;
    // Another fragment of the same page is not a new page: leave it first.
    await page.goto('about:blank');
    await page.goto(forged);
    await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor(LIVE);
    const english = (await page.getByRole('alert').textContent()) ?? '';
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Este enlace no se puede usar' }).waitFor(LIVE);
    await expect(page.getByRole('alert').textContent()).resolves.not.toBe(english);
    await checkScreen('link-refused');
  });
});
