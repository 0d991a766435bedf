import { bearer, TestNamespace } from '@thc/testing';
import { clinicRecorded, providerRecorded } from '../../directory-names/testing/directory-events';
import { analyticsSpec } from '../testing/analytics-app';
import { independentMetrics } from '../testing/independent-metrics';
import { programEvents } from '../testing/visit-events.fixture';

jest.setTimeout(600_000);

const VISITS = programEvents({
  seed: 31,
  visits: 14,
  from: '2026-03-01',
  days: 28,
  clinics: 2,
  providersPerClinic: 1,
});
const EXPECTED = independentMetrics(VISITS);
const [A, B] = [...new Set([...EXPECTED.keys()].map((key) => key.split('|')[1] ?? ''))].sort();
const scheduledIn = (clinicId: string) =>
  [...EXPECTED].filter(([key]) => key.endsWith(`|${clinicId}`))[0]?.[1]['scheduled'];
const providerOf = (clinicId: string) =>
  String(
    VISITS.find((e) => e.type.includes('AppointmentBooked') && e.data['clinicId'] === clinicId)
      ?.data['providerId'],
  );
const HARBOR = 'Harbor Telehealth Clinic';
const DIRECTORY = [
  clinicRecorded(A!, HARBOR),
  providerRecorded(providerOf(A!), { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] }, [A!]),
];
const MARCH = 'from=2026-03-01&to=2026-03-31&groupBy=month';

interface Row {
  clinicId?: string;
  clinicName?: string;
  clinicListed?: boolean;
  providerId?: string;
  providerName?: string;
  providerListed?: boolean;
  values: Record<string, number | null>;
}

describe('analytics bounded to the clinics an analyst is granted', () => {
  const ns = new TestNamespace('analytics-clinic-scope');
  const tokens: Record<
    'ofA' | 'ofB' | 'ofAll' | 'ofNone' | 'adminOfB',
    Record<string, string>
  > = {} as never;

  const get = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${started.url}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', text };
  };
  const rows = async (query: string, headers: Record<string, string>): Promise<Row[]> => {
    const { status, text } = await get(`/api/v1/analytics/metrics?${query}`, headers);
    expect(status).toBe(200);
    return (JSON.parse(text) as { rows: Row[] }).rows;
  };

  beforeAll(async () => {
    tokens.ofA = await bearer('analyst', 'analyst-a', { clinics: [A!] });
    tokens.ofB = await bearer('analyst', 'analyst-b', { clinics: [B!] });
    tokens.ofAll = await bearer('analyst', 'analyst-all', { clinics: 'all' });
    tokens.ofNone = await bearer('analyst', 'analyst-none', { clinics: [] });
    tokens.adminOfB = await bearer('admin', 'admin-b', { clinics: [B!] });
  });
  const started = analyticsSpec(ns, [...DIRECTORY, ...VISITS], async () => {
    const byClinic = await rows(`${MARCH}&by=clinic&metrics=scheduled`, tokens.ofAll);
    expect(byClinic.map((r) => [r.clinicId, r.values['scheduled']])).toEqual([
      [A, scheduledIn(A!)],
      [B, scheduledIn(B!)],
    ]);
    expect(byClinic[0]?.clinicName).toBe(HARBOR);
    // The provider's record too, which the directory's consumer group (not the metrics'
    // one) stores: it names the provider and puts them on A's roster.
    const [provider] = await rows(
      `${MARCH}&by=provider&metrics=scheduled&clinicId=${A}`,
      tokens.ofAll,
    );
    expect(provider?.providerListed).toBe(true);
  });

  it('gives each analyst the rows of their clinics and none of another’s', async () => {
    const clinicsSeen = async (token: Record<string, string>) =>
      (await rows(`${MARCH}&by=clinic&metrics=scheduled`, token)).map((r) => r.clinicId);
    expect(await clinicsSeen(tokens.ofA)).toEqual([A]);
    expect(await clinicsSeen(tokens.ofB)).toEqual([B]);
    expect(await clinicsSeen(tokens.adminOfB)).toEqual([B]);
    expect(await clinicsSeen(tokens.ofAll)).toEqual([A, B]);
    expect(await clinicsSeen(tokens.ofNone)).toEqual([]);
  });

  it('sums "all clinics" over the analyst’s clinics only, never the organization’s total', async () => {
    const total = async (token: Record<string, string>) =>
      (await rows(`${MARCH}&metrics=scheduled,trainingCompliance`, token))[0]?.values;
    expect((await total(tokens.ofB))?.['scheduled']).toBe(scheduledIn(B!));
    expect((await total(tokens.ofA))?.['scheduled']).toBe(scheduledIn(A!));
    expect((await total(tokens.ofAll))?.['scheduled']).toBe(scheduledIn(A!)! + scheduledIn(B!)!);
    const none = await total(tokens.ofNone);
    expect(none?.['scheduled']).toBe(0);
    // Training counts the staff the directory lists in the clinics: A's provider for A, none
    // for an analyst of no clinic.
    expect((await total(tokens.ofA))?.['trainingCompliance']).toBe(1);
    expect(none?.['trainingCompliance']).toBeNull();
  });

  it('refuses a query for a clinic the analyst does not cover, in JSON and CSV', async () => {
    for (const path of ['metrics', 'metrics.csv']) {
      const { status, type, text } = await get(
        `/api/v1/analytics/${path}?${MARCH}&clinicId=${A}`,
        tokens.ofB,
      );
      expect({ path, status, type: type.split(';')[0] }).toEqual({
        path,
        status: 403,
        type: 'application/problem+json',
      });
      expect(text).not.toContain(HARBOR);
    }
    expect((await rows(`${MARCH}&clinicId=${A}&metrics=scheduled`, tokens.ofA))[0]?.values).toEqual(
      { scheduled: scheduledIn(A!) },
    );
  });

  it('exports only the analyst’s clinics in the CSV, by name', async () => {
    const csv = async (token: Record<string, string>) =>
      (await get(`/api/v1/analytics/metrics.csv?${MARCH}&by=clinic&metrics=scheduled`, token)).text;
    const ofB = await csv(tokens.ofB);
    expect(ofB).not.toContain(A);
    expect(ofB).not.toContain(HARBOR);
    expect(ofB.split('\r\n')).toEqual([
      'period,clinicId,clinicName,providerId,providerName,visitType,scheduled',
      `2026-03,${B},Clinic ${B!.slice(0, 8)},,,,${scheduledIn(B!)}`,
      '',
    ]);
    const ofA = await csv(tokens.ofA);
    expect(ofA).toContain(`2026-03,${A},${HARBOR},,,,${scheduledIn(A!)}`);
    expect(ofA).not.toContain(B);
    const ofAll = await csv(tokens.ofAll);
    expect([ofAll.includes(A!), ofAll.includes(B!)]).toEqual([true, true]);
  });

  it('names clinics and providers from the directory, and says which it does not list yet', async () => {
    const [a, b] = await rows(`${MARCH}&by=clinic&metrics=scheduled`, tokens.ofAll);
    expect(a).toMatchObject({ clinicId: A, clinicName: HARBOR, clinicListed: true });
    expect(b).toMatchObject({
      clinicId: B,
      clinicName: `Clinic ${B!.slice(0, 8)}`,
      clinicListed: false,
    });
    const providers = await rows(`${MARCH}&by=provider&metrics=scheduled`, tokens.ofA);
    expect(providers.map((r) => [r.providerId, r.providerName, r.providerListed])).toEqual([
      [providerOf(A!), 'Dr. Adaeze Okafor', true],
    ]);
  });
});
