import { ClinicDayRates, ClinicFigures } from './expected-figures';
import { PlatformApi } from './platform-api';

const COUNTS = ['scheduled', 'cancelled', 'lateCancelled', 'completed', 'noShow'] as const;

/** The analyst's view of the counts per clinic over a few days around today, summed over days. */
export async function analyticsCountsByClinic(
  api: PlatformApi,
  analyst: string,
  around: Date,
): Promise<Map<string, ClinicFigures>> {
  const day = (offset: number) =>
    new Date(around.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const page = await api.expect(
    200,
    'analytics',
    'GET',
    `/api/v1/analytics/metrics?from=${day(-2)}&to=${day(3)}&groupBy=day&by=clinic&metrics=${COUNTS.join(',')}&pageSize=500`,
    { role: 'analyst', sub: analyst },
  );
  const figures = new Map<string, ClinicFigures>();
  for (const row of page.rows as { clinicId: string; values: Record<string, number | null> }[]) {
    const f = figures.get(row.clinicId) ?? {
      scheduled: 0,
      cancelled: 0,
      lateCancelled: 0,
      completed: 0,
      noShow: 0,
    };
    for (const name of COUNTS) f[name] += row.values[name] ?? 0;
    figures.set(row.clinicId, f);
  }
  return figures;
}

const RATES = [
  'audioOnlyRate',
  'satisfactionMean',
  'nps',
  'surveyResponseRate',
  'preVisitCheckFailureRate',
] as const;

/** The rates per `clinicId|day` as the analyst reads them. */
export async function analyticsRatesByClinicDay(
  api: PlatformApi,
  analyst: string,
  around: Date,
): Promise<Map<string, ClinicDayRates>> {
  const day = (offset: number) =>
    new Date(around.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const page = await api.expect(
    200,
    'analytics',
    'GET',
    `/api/v1/analytics/metrics?from=${day(-2)}&to=${day(3)}&groupBy=day&by=clinic&metrics=${RATES.join(',')}&pageSize=500`,
    { role: 'analyst', sub: analyst },
  );
  const rates = new Map<string, ClinicDayRates>();
  for (const row of page.rows as {
    period: string;
    clinicId: string;
    values: ClinicDayRates;
  }[]) {
    rates.set(`${row.clinicId}|${row.period}`, row.values);
  }
  return rates;
}
