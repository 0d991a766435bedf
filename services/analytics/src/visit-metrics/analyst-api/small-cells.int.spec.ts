import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { createServiceApp } from '@thc/service-runtime';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { AppModule } from '../../app.module';
import { serviceIdentity } from '../../service.identity';
import { publishEvents } from '../testing/publish-events';
import { surveysPerProviderDay } from '../testing/surveys-per-cell';
import { programEvents } from '../testing/visit-events.fixture';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '../../../../..');
// One provider, a handful of visits: on some days a single patient answered the survey.
const EVENTS = programEvents({
  seed: 3,
  visits: 8,
  from: '2026-03-02',
  days: 5,
  clinics: 1,
  providersPerClinic: 1,
});
// A busier month two months later: the dashboard's totals over both must count it alone.
const MAY_EVENTS = programEvents({
  seed: 4,
  visits: 30,
  from: '2026-05-04',
  days: 15,
  clinics: 1,
  providersPerClinic: 1,
});
const [ONE_SURVEY] = [...surveysPerProviderDay(EVENTS)].filter(([, n]) => n === 1);
const [PROVIDER, DAY] = (ONE_SURVEY?.[0] ?? '|').split('|') as [string, string];
const METRICS = 'satisfactionMean,nps,scheduled,completed,availableMinutes';

function chromiumPath(): string {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  const out = execFileSync('bash', [join(ROOT, 'scripts/ensure-chromium.sh')], {
    encoding: 'utf8',
  });
  return out.trim().split('\n').pop() ?? 'chromium';
}

interface Row {
  providerId?: string;
  values: Record<string, number | null>;
  suppressed?: string[];
}

describe('a cell made of one survey, as an analyst would try to read it', () => {
  const ns = new TestNamespace('analytics-small-cells');
  let app: NestExpressApplication;
  let url: string;
  let analyst: Record<string, string>;
  let browser: Browser;

  beforeAll(async () => {
    const executablePath = chromiumPath();
    delete process.env['ANALYTICS_MIN_CELL_COUNT']; // the default, 11
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['ANALYTICS_REBUILD_CHECK_MS'] = '500';
    await ns.createTopics(Object.values(TOPICS).map((t) => ns.topic(t)));
    await publishEvents(ns.kafka(), ns.topicPrefix, [...EVENTS, ...MAY_EVENTS]);
    app = await createServiceApp(AppModule, serviceIdentity, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    analyst = await bearer('analyst');
    await eventually(
      async () => {
        const response = await fetch(`${url}/api/v1/analytics/projection`, { headers: analyst });
        const [serving] = (await response.json()) as { processed: number }[];
        expect(serving?.processed).toBe(EVENTS.length + MAY_EVENTS.length);
      },
      { timeoutMs: 400_000, intervalMs: 1000 },
    );
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ns.dispose();
  });

  const query = `from=${DAY}&to=${DAY}&groupBy=day&by=provider&metrics=${METRICS}`;

  it('the fixture has a provider-day with exactly one survey', () => {
    expect(ONE_SURVEY).toBeDefined();
  });

  it('JSON: the figures of that cell are withheld and named, the schedule-only ones shown', async () => {
    const response = await fetch(`${url}/api/v1/analytics/metrics?${query}`, { headers: analyst });
    expect(response.status).toBe(200);
    const { rows } = (await response.json()) as { rows: Row[] };
    const cell = rows.find((r) => r.providerId === PROVIDER);
    expect(cell).toBeDefined();
    expect(cell?.suppressed).toEqual(
      expect.arrayContaining(['satisfactionMean', 'nps', 'scheduled', 'completed']),
    );
    expect(cell?.values).toMatchObject({ satisfactionMean: null, nps: null, scheduled: null });
    expect(cell?.values['availableMinutes']).toBeGreaterThan(0);
  });

  it('CSV: the same cell reads "suppressed" where the patient’s answer would be', async () => {
    const response = await fetch(`${url}/api/v1/analytics/metrics.csv?${query}`, {
      headers: analyst,
    });
    expect(response.status).toBe(200);
    const [header, ...lines] = (await response.text()).trim().split('\r\n');
    const columns = header?.split(',') ?? [];
    const provider = columns.indexOf('providerId');
    const cell = lines.map((l) => l.split(',')).find((c) => c[provider] === PROVIDER) ?? [];
    const at = (name: string) => cell[columns.indexOf(name)];
    expect(at('satisfactionMean')).toBe('suppressed');
    expect(at('nps')).toBe('suppressed');
    expect(at('scheduled')).toBe('suppressed');
    expect(Number(at('availableMinutes'))).toBeGreaterThan(0);
  });

  it('dashboard: the tiles and charts for that day say the figure is withheld, not the answer', async () => {
    const page = await browser.newPage();
    const token = analyst['authorization']?.replace(/^Bearer /, '') ?? '';
    await page.goto(`${url}/dashboard#token=${token}&from=${DAY}&to=${DAY}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('#kpi-satisfactionMean')).toBe(
      'withheld: fewer than 11 survey responses',
    );
    expect(await page.textContent('#kpi-nps')).toBe('withheld: fewer than 11 survey responses');
    expect(await page.textContent('#kpi-scheduled')).toBe('withheld: fewer than 11 visits');
    expect(await page.textContent('#status')).toContain('withheld');
    const quality = JSON.parse((await page.getAttribute('#quality', 'data-values')) ?? '{}') as {
      datasets: { metric: string; data: (number | null)[]; suppressed: string[] }[];
    };
    const satisfaction = quality.datasets.find((d) => d.metric === 'satisfactionMean');
    expect(satisfaction?.data.every((v) => v === null)).toBe(true);
    expect(satisfaction?.suppressed.length).toBeGreaterThan(0);
    await page.close();
  });

  it('dashboard: over a withheld month and a shown one, the totals count the shown month alone, as "at least"', async () => {
    const range = 'from=2026-03-01&to=2026-05-31';
    const response = await fetch(
      `${url}/api/v1/analytics/metrics?${range}&groupBy=month&metrics=scheduled,completed`,
      { headers: analyst },
    );
    const { rows } = (await response.json()) as { rows: (Row & { period: string })[] };
    const march = rows.find((r) => r.period === '2026-03');
    const may = rows.find((r) => r.period === '2026-05');
    expect(march?.suppressed).toContain('scheduled');
    expect(may?.suppressed ?? []).not.toContain('scheduled');
    const page = await browser.newPage();
    const token = analyst['authorization']?.replace(/^Bearer /, '') ?? '';
    await page.goto(`${url}/dashboard#token=${token}&${range}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('#kpi-scheduled')).toBe(`≥ ${may?.values['scheduled']}`);
    expect(await page.textContent('#status')).toContain('withheld');
    await page.close();
  });
});
