import { bearer, TestNamespace } from '@thc/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { clinicRecorded, providerRecorded } from '../directory-names/testing/directory-events';
import { independentMetrics } from '../visit-metrics/testing/independent-metrics';
import { analyticsSpec } from '../visit-metrics/testing/analytics-app';
import { programEvents } from '../visit-metrics/testing/visit-events.fixture';
import { wcagViolations } from './testing/accessibility';
import { chromiumPath } from './testing/chromium-path';

jest.setTimeout(600_000);

const OUTPUT = join(__dirname, '../../../../tmp/test-output');
// February and March: the report of March compares it with February.
const EVENTS = programEvents({
  seed: 33,
  visits: 40,
  from: '2026-02-01',
  days: 59,
  clinics: 2,
  providersPerClinic: 2,
});
const EXPECTED = independentMetrics(EVENTS);
const [A, B] = [...new Set([...EXPECTED.keys()].map((key) => key.split('|')[1] ?? ''))].sort();
const NAMES = { [A!]: 'Harbor Telehealth Clinic', [B!]: 'Lakeside Virtual Care' };
const PROVIDERS = [
  ...new Set(
    EVENTS.filter((e) => e.type.includes('ProviderScheduleDefined')).map(
      (e) => `${String(e.data['providerId'])}|${String(e.data['clinicId'])}`,
    ),
  ),
].map((key, i) => {
  const [providerId, clinicId] = key.split('|') as [string, string];
  return { providerId, clinicId, name: `Dr. Ada Provider${'ABCD'[i]}` };
});
const DIRECTORY = [
  clinicRecorded(A!, NAMES[A!]!),
  clinicRecorded(B!, NAMES[B!]!),
  ...PROVIDERS.map((p) =>
    providerRecorded(
      p.providerId,
      { prefix: ['Dr.'], given: ['Ada'], family: p.name.split(' ').pop()! },
      [p.clinicId],
    ),
  ),
];

/** A figure of a month over the clinics given, from the independent computation. */
const countOf = (month: string, name: string, clinics = [A!, B!]) =>
  clinics.reduce((sum, c) => sum + ((EXPECTED.get(`${month}|${c}`)?.[name] as number) ?? 0), 0);

describe('monthly program report in headless Chromium', () => {
  const ns = new TestNamespace('analytics-report');
  let browser: Browser;
  let token: string;
  let executablePath: string;

  beforeAll(async () => {
    executablePath = chromiumPath();
    token = (await bearer('analyst')).authorization.replace(/^Bearer /, '');
  });
  const started = analyticsSpec(ns, [...DIRECTORY, ...EVENTS], async ({ url }) => {
    const analyst = { authorization: `Bearer ${token}` };
    const response = await fetch(`${url}/api/v1/analytics/projection`, { headers: analyst });
    const [serving] = (await response.json()) as { processed: number }[];
    expect(serving?.processed).toBe(DIRECTORY.length + EVENTS.length);
    const named = await fetch(
      `${url}/api/v1/analytics/metrics?from=2026-03-01&to=2026-03-31&groupBy=month&by=provider`,
      { headers: analyst },
    );
    const rows = ((await named.json()) as { rows: { providerListed?: boolean }[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.providerListed)).toBe(true);
  });
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    mkdirSync(OUTPUT, { recursive: true });
  });
  afterAll(() => browser?.close());

  async function open(page: Page, query: string, as = token): Promise<void> {
    await page.goto(`${started.url}/dashboard/report?${query}#token=${as}`);
    await page.waitForSelector('body[data-ready="true"]').catch(async (error: Error) => {
      throw new Error(`report not ready: ${await page.textContent('#status')} (${error.message})`);
    });
  }
  /** The figure a row of a section's table shows for March (1), February (2) or the change (3). */
  const figure = async (page: Page, section: string, metric: string, column = 1) =>
    page.getAttribute(
      `#${section}-figures tr[data-key="${metric}"] td:nth-of-type(${column})`,
      'data-value',
    );

  it('shows the month’s figures beside the month before, by name, charted, printable as a PDF', async () => {
    // Its Content-Security-Policy bypassed to read the print style; the next test runs under it.
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 1000 },
    });
    const page = await context.newPage();
    await open(page, 'month=2026-03');
    expect(await page.textContent('h1')).toBe('Telehealth program report, March 2026');
    for (const name of ['scheduled', 'completed', 'cancelled', 'noShow']) {
      expect({ name, now: await figure(page, 'visits', name) }).toEqual({
        name,
        now: String(countOf('2026-03', name)),
      });
      expect({ name, before: await figure(page, 'visits', name, 2) }).toEqual({
        name,
        before: String(countOf('2026-02', name)),
      });
      expect(Number(await figure(page, 'visits', name, 3))).toBe(
        countOf('2026-03', name) - countOf('2026-02', name),
      );
    }
    const notCancelled = (month: string) =>
      countOf(month, 'scheduled') - countOf(month, 'cancelled');
    expect(Number(await figure(page, 'visits', 'noShowRate'))).toBeCloseTo(
      countOf('2026-03', 'noShow') / notCancelled('2026-03'),
      9,
    );
    expect(Number(await figure(page, 'visits', 'completionRate'))).toBeCloseTo(
      countOf('2026-03', 'completed') / notCancelled('2026-03'),
      9,
    );
    // Every figure reads a value or says why there is none.
    for (const text of await page.locator('td').allTextContents()) expect(text.trim()).not.toBe('');

    // Names, never ids: clinics in the reach tables and chart, providers in theirs.
    const reach = (await page.textContent('#reach-more')) ?? '';
    for (const name of Object.values(NAMES)) expect(reach).toContain(name);
    const providers = await page.locator('#providers-more tbody th').allTextContents();
    expect(providers.sort()).toEqual(PROVIDERS.map((p) => p.name).sort());
    const content = (await page.textContent('main')) ?? '';
    for (const id of [A!, B!, ...PROVIDERS.map((p) => p.providerId)])
      expect(content).not.toContain(id.slice(0, 8));
    const reachChart = JSON.parse(
      (await page.getAttribute('#reach-chart', 'data-values')) ?? '{}',
    ) as {
      labels: string[];
    };
    expect(reachChart.labels.sort()).toEqual(Object.values(NAMES).sort());

    // Charts are drawn (Chart.js sizes the canvas for a sharp print), with the twelve months.
    expect(await page.getAttribute('#visits-chart', 'width')).toBe('1240');
    const visits = JSON.parse(
      (await page.getAttribute('#visits-chart', 'data-values')) ?? '{}',
    ) as {
      labels: string[];
      datasets: { metric: string; data: (number | null)[] }[];
    };
    expect(visits.labels).toHaveLength(12);
    expect(visits.labels.slice(-2)).toEqual(['February 2026', 'March 2026']);
    expect(visits.datasets.find((d) => d.metric === 'scheduled')?.data.slice(-2)).toEqual([
      countOf('2026-02', 'scheduled'),
      countOf('2026-03', 'scheduled'),
    ]);
    await page.screenshot({ path: join(OUTPUT, 'analytics-monthly-report.png'), fullPage: true });

    // On paper: no navigation or buttons, a page per section, the charts within the page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.locator('#print').isVisible()).toBe(false);
    expect(await page.locator('#visits-chart').isVisible()).toBe(true);
    expect(
      await page.evaluate("getComputedStyle(document.getElementById('waiting')).breakBefore"),
    ).toBe('page');
    // How the first page looks on paper (an A4 page is 794 px wide at 96 dpi, less margins).
    await page.setViewportSize({ width: 704, height: 1000 });
    await page.screenshot({
      path: join(OUTPUT, 'analytics-monthly-report-print.png'),
      fullPage: true,
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    writeFileSync(join(OUTPUT, 'analytics-monthly-report.pdf'), pdf);
    await context.close();
  });

  it('reports one clinic’s rates as computed from its events, and refuses a clinic the token does not cover', async () => {
    const page = await browser.newPage();
    await open(page, `month=2026-03&clinicId=${A}`);
    const want = EXPECTED.get(`2026-03|${A}`)!;
    expect(await page.textContent('#scope')).toContain(NAMES[A!]);
    for (const [section, name] of [
      ['visits', 'noShowRate'],
      ['quality', 'technicalIssueRate'],
      ['quality', 'audioOnlyRate'],
      ['quality', 'preVisitCheckFailureRate'],
      ['quality', 'mosMean'],
      ['satisfaction', 'satisfactionMean'],
      ['satisfaction', 'nps'],
    ] as const) {
      const value = await figure(page, section, name);
      if (want[name] === null) expect({ name, value }).toEqual({ name, value: null });
      else expect(Number(value)).toBeCloseTo(want[name], 6);
    }
    await page.close();

    const ofB = (await bearer('analyst', 'analyst-of-b', { clinics: [B!] })).authorization.replace(
      /^Bearer /,
      '',
    );
    const mine = await browser.newPage();
    await open(mine, 'month=2026-03', ofB);
    expect(await figure(mine, 'visits', 'scheduled')).toBe(
      String(countOf('2026-03', 'scheduled', [B!])),
    );
    expect(await mine.content()).not.toContain(NAMES[A!]);
    await mine.goto(`${started.url}/dashboard/report?month=2026-03&clinicId=${A}#token=${ofB}`);
    await mine.waitForSelector('#token-form:not([hidden])');
    expect(await mine.textContent('#status')).toContain('403');
    expect(await mine.locator('#report').isVisible()).toBe(false);
    await mine.close();
  });

  it('refuses a month that is not one, naming it', async () => {
    for (const query of ['month=2026-13', 'month=March', '', 'month=2026-03&clinicId=nope']) {
      const response = await fetch(`${started.url}/dashboard/report?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(await response.text()).toMatch(query.includes('clinicId') ? /clinicId/ : /month/);
    }
  });

  it('works behind a proxy that serves the service under a prefix, as the web app does', async () => {
    // /svc/analytics/<path> to the service's /<path>, as the web server's proxy passes it on.
    const proxy = createServer((request, response) => {
      const path = (request.url ?? '').replace(/^\/svc\/analytics/, '');
      const upstream = httpRequest(
        `${started.url}${path}`,
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/svc/analytics`;
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/dashboard#token=${token}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.click('#report-link');
      await page.waitForSelector('body[data-ready="true"]');
      expect(page.url()).toMatch(new RegExp(`^${base}/dashboard/report\\?month=\\d{4}-\\d{2}$`));
      await page.goto(`${base}/dashboard/report?month=2026-03`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await figure(page, 'visits', 'scheduled')).toBe(
        String(countOf('2026-03', 'scheduled')),
      );
      await page.click('text=Back to the dashboard');
      await page.waitForSelector('body[data-ready="true"]');
      expect(page.url()).toBe(`${base}/dashboard`);
      await page.close();
    } finally {
      proxy.close();
    }
  });

  /** No WCAG 2.1 AA violation with every section open, no sideways scroll; a picture at 360 px. */
  async function expectAccessible(page: Page, name: string, width: number, picture: string) {
    await page.evaluate(
      "document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''))",
    );
    expect({ page: name, width, violations: await wcagViolations(page) }).toEqual({
      page: name,
      width,
      violations: [],
    });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    if (width === 360)
      await page.screenshot({
        path: join(OUTPUT, picture),
        clip: { x: 0, y: 0, width: 360, height: 1600 },
      });
  }

  it('meets WCAG 2.1 AA and fits a 360 px screen, dashboard and report', async () => {
    for (const width of [1280, 360]) {
      const context = await browser.newContext({
        bypassCSP: true,
        viewport: { width, height: 800 },
      });
      // The dashboard lists two years of months back from the browser's: it runs in April 2026,
      // after the visits, so the months it lists do not depend on the day the test runs.
      await context.clock.setFixedTime(new Date('2026-04-15T12:00:00Z'));
      const page = await context.newPage();
      await page.goto(`${started.url}/dashboard#token=${token}`);
      await page.waitForSelector('body[data-ready="true"]');
      await expectAccessible(page, 'dashboard', width, 'analytics-dashboard-360.png');
      // The dashboard links to the report of a month it lists.
      const href = (await page.getAttribute('#report-link', 'href')) ?? '';
      expect(href).toMatch(/^dashboard\/report\?month=\d{4}-\d{2}$/);
      expect(await page.locator('#period option').allTextContents()).toEqual(
        expect.arrayContaining(['March 2026', 'February 2026']),
      );
      await open(page, 'month=2026-03');
      await expectAccessible(page, 'report', width, 'analytics-monthly-report-360.png');
      await context.close();
    }
  });
});
