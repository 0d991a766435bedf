import { bearer, TestNamespace } from '@thc/testing';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { clinicRecorded } from '../directory-names/testing/directory-events';
import { binOf, binRange, HISTOGRAMS } from '../visit-metrics/domain/histogram';
import { independentMetrics } from '../visit-metrics/testing/independent-metrics';
import { analyticsSpec } from '../visit-metrics/testing/analytics-app';
import { programEvents } from '../visit-metrics/testing/visit-events.fixture';
import { chromiumPath } from './testing/chromium-path';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '../../../..');
const OUTPUT = join(ROOT, 'tmp/test-output');
const EVENTS = programEvents({
  seed: 21,
  visits: 16,
  from: '2026-03-01',
  days: 31,
  clinics: 2,
  providersPerClinic: 1,
});
const EXPECTED = independentMetrics(EVENTS);
const total = (name: string) =>
  [...EXPECTED.values()].reduce((sum, m) => sum + ((m[name] as number | null) ?? 0), 0);
const [A, B] = [...new Set([...EXPECTED.keys()].map((key) => key.split('|')[1] ?? ''))].sort();
const HARBOR = 'Harbor Telehealth Clinic';
// The directory lists clinic A; clinic B is not in it yet.
const DIRECTORY = [clinicRecorded(A!, HARBOR)];
const labelOf = (clinicId: string) => (clinicId === A ? HARBOR : `Clinic ${clinicId.slice(0, 8)}`);

interface ChartData {
  labels: string[];
  datasets: { metric: string; label: string; data: (number | null)[] }[];
}

describe('dashboard in headless Chromium', () => {
  const ns = new TestNamespace('analytics-dashboard');
  let browser: Browser;
  let executablePath: string;

  beforeAll(() => {
    // First, while nothing runs in this process: an install blocks it for a minute or two.
    executablePath = chromiumPath();
    process.env['ANALYTICS_REBUILD_CHECK_MS'] = '500';
  });
  const started = analyticsSpec(ns, [...DIRECTORY, ...EVENTS], async ({ url }) => {
    const analyst = await bearer('analyst');
    const response = await fetch(`${url}/api/v1/analytics/projection`, { headers: analyst });
    const [serving] = (await response.json()) as { processed: number }[];
    expect(serving?.processed).toBe(DIRECTORY.length + EVENTS.length);
    const named = await fetch(
      `${url}/api/v1/analytics/metrics?from=2026-03-01&to=2026-03-31&groupBy=month&by=clinic&clinicId=${A}`,
      { headers: analyst },
    );
    const [row] = ((await named.json()) as { rows: { clinicName?: string }[] }).rows;
    expect(row?.clinicName).toBe(HARBOR);
  });
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    mkdirSync(OUTPUT, { recursive: true });
  });
  afterAll(() => browser?.close());

  it('shows the program’s numbers in its tiles and charts', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const token = (await bearer('analyst')).authorization.replace(/^Bearer /, '');
    await page.goto(`${started.url}/dashboard#token=${token}&from=2026-03-01&to=2026-03-31`);
    await page.waitForSelector('body[data-ready="true"]').catch(async (error: Error) => {
      throw new Error(
        `dashboard not ready: ${await page.textContent('#status')} (${error.message})`,
      );
    });

    expect(await page.textContent('#kpi-scheduled')).toBe(String(total('scheduled')));
    expect(await page.textContent('#kpi-completed')).toBe(String(total('completed')));
    // Every tile has a value: one month's range shows that month's figure.
    for (const id of ['kpi-waitingSecondsP90', 'kpi-satisfactionMean', 'kpi-nps'])
      expect({ id, text: await page.textContent(`#${id}`) }).toEqual({
        id,
        text: expect.stringMatching(/^-?\d/),
      });
    expect(await page.locator('#clinic option').allTextContents()).toEqual(
      ['All clinics', ...[A!, B!].map(labelOf)].sort((x, y) =>
        x === 'All clinics' ? -1 : y === 'All clinics' ? 1 : x.localeCompare(y),
      ),
    );
    expect(await page.getAttribute(`#clinic option[value="${B}"]`, 'title')).toContain(
      'Not in the directory',
    );
    expect(await page.getAttribute(`#clinic option[value="${A}"]`, 'title')).toBeNull();
    expect(await page.locator('#unlisted li').allTextContents()).toEqual([labelOf(B!)]);

    // What each chart was given to draw, as the page leaves it on the canvas (no page eval:
    // the page's Content-Security-Policy forbids it).
    const read = async (id: string) =>
      JSON.parse((await page.getAttribute(`#${id}`, 'data-values')) ?? '{}') as ChartData;
    const charts = {
      trend: await read('trend'),
      rates: await read('rates'),
      waiting: await read('waiting'),
    };
    const series = (chart: ChartData, metric: string) =>
      chart.datasets.find((d) => d.metric === metric)?.data ?? [];
    const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(sum(series(charts.trend, 'scheduled'))).toBe(total('scheduled'));
    expect(sum(series(charts.trend, 'noShow'))).toBe(total('noShow'));

    for (const [key, want] of EXPECTED) {
      const clinicId = key.split('|')[1] ?? '';
      const index = charts.rates.labels.indexOf(labelOf(clinicId));
      expect(index).toBeGreaterThanOrEqual(0);
      expect(series(charts.rates, 'noShowRate')[index]).toBeCloseTo(
        want['noShowRate'] as number,
        9,
      );
      expect(series(charts.rates, 'technicalIssueRate')[index] ?? 0).toBeCloseTo(
        (want['technicalIssueRate'] as number | null) ?? 0,
        9,
      );
      const p90 = want['waitingSecondsP90'] as number;
      const [low, high] = binRange(HISTOGRAMS.wait, binOf(HISTOGRAMS.wait, p90));
      const shown = series(charts.waiting, 'waitingSecondsP90')[index] as number;
      expect(shown).toBeGreaterThanOrEqual(low);
      expect(shown).toBeLessThanOrEqual(high);
    }
    await page.screenshot({ path: join(OUTPUT, 'analytics-dashboard.png'), fullPage: true });

    // The figures as CSV: per month and clinic, the clinics named beside their ids.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    expect(download.suggestedFilename()).toBe('telehealth-metrics-2026-03-01-to-2026-03-31.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    const columns = csv[0]!.split(',');
    const rowOf = (clinicId: string) => csv.find((line) => line.includes(clinicId))!.split(',');
    expect(rowOf(A!)[columns.indexOf('clinicName')]).toBe(HARBOR);
    expect(rowOf(B!)[columns.indexOf('clinicName')]).toBe(labelOf(B!));
    expect(Number(rowOf(A!)[columns.indexOf('scheduled')])).toBe(
      EXPECTED.get(`2026-03|${A}`)!['scheduled'],
    );
    await page.close();
  });

  it('shows an analyst of one clinic that clinic alone, in tiles, charts and the clinic list', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const token = (
      await bearer('analyst', 'analyst-of-b', { clinics: [B!] })
    ).authorization.replace(/^Bearer /, '');
    // Two months: the tiles that cannot add months up name the month they show.
    await page.goto(`${started.url}/dashboard#token=${token}&from=2026-02-01&to=2026-03-31`);
    await page.waitForSelector('body[data-ready="true"]');
    const ofB = EXPECTED.get(`2026-03|${B}`)!;
    expect(await page.textContent('#kpi-scheduled')).toBe(String(ofB['scheduled']));
    expect(await page.textContent('#when-nps')).toBe('in March 2026');
    const rates = JSON.parse(
      (await page.getAttribute('#rates', 'data-values')) ?? '{}',
    ) as ChartData;
    expect(rates.labels).toEqual([labelOf(B!)]);
    expect(await page.locator('#clinic option').allTextContents()).toEqual([
      'All clinics',
      labelOf(B!),
    ]);
    expect(await page.content()).not.toContain(A!.slice(0, 8));
    expect(await page.content()).not.toContain(HARBOR);
    await page.screenshot({
      path: join(OUTPUT, 'analytics-dashboard-one-clinic.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('asks for a token instead of showing anything without one', async () => {
    const page = await browser.newPage();
    await page.goto(`${started.url}/dashboard`);
    await page.waitForSelector('#token-form:not([hidden])');
    expect(await page.textContent('#status')).toContain('token');
    expect(await page.textContent('#kpi-scheduled')).toBe('–');
    await page.close();
  });
});
