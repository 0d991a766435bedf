import { complianceAt, StaffFacts } from './staff-compliance';
import { availableMinutesOn, ScheduleFacts } from './available-minutes';
import { daysBetween, Grouping, periodOf } from './calendar-period';
import { METRICS, MetricName } from './metric-definitions';
import { smallCells } from './small-cells';
import type { Counters } from './visit-contribution';

export type Dimension = 'clinic' | 'provider' | 'visitType';
const FIELD = { clinic: 'clinicId', provider: 'providerId', visitType: 'visitType' } as const;

/** A bucket as stored: its dimensions and one counter vector per visit. */
export interface Bucket {
  readonly day?: string;
  readonly month: string;
  readonly clinicId: string;
  readonly providerId: string;
  readonly visitType: string;
  readonly v?: Readonly<Record<string, Readonly<Counters>>>;
}

export interface TableRequest {
  readonly from: string;
  readonly to: string;
  readonly groupBy: Grouping;
  readonly by?: Dimension;
  readonly clinicId?: string;
  readonly providerId?: string;
  readonly visitType?: string;
  readonly metrics: readonly MetricName[];
  readonly now: Date;
  /** Figures made of fewer visits or responses than this are withheld (see small-cells). */
  readonly minCellCount?: number;
}

export interface TableRow {
  readonly period: string;
  readonly clinicId?: string;
  readonly providerId?: string;
  readonly visitType?: string;
  readonly values: Partial<Record<MetricName, number | null>>;
  /** Figures withheld as too small a cell: their values are null. */
  readonly suppressed?: readonly MetricName[];
}

function add(into: Counters, from: Readonly<Counters>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

/**
 * The metrics table: buckets summed per period (and per dimension value when split), the
 * providers' available minutes and the staff's compliance added, then every requested metric
 * computed from the sums. Pure: the query API and the tests both call it.
 */
export function metricsTable(
  request: TableRequest,
  buckets: readonly Bucket[],
  schedules: readonly ScheduleFacts[],
  staff: readonly StaffFacts[],
): TableRow[] {
  const daysOf = new Map<string, string[]>();
  for (const day of daysBetween(request.from, request.to)) {
    const period = periodOf(day, request.groupBy);
    daysOf.set(period, [...(daysOf.get(period) ?? []), day]);
  }
  const groups = new Map<string, { period: string; dim?: string; counters: Counters }>();
  const group = (period: string, dim?: string) => {
    const key = `${period}|${dim ?? ''}`;
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { period, ...(dim ? { dim } : {}), counters: {} }));
    return found;
  };
  if (!request.by) for (const period of daysOf.keys()) group(period);

  for (const bucket of buckets) {
    const period = bucket.day ? periodOf(bucket.day, request.groupBy) : bucket.month;
    const target = group(period, request.by ? bucket[FIELD[request.by]] : undefined);
    for (const counters of Object.values(bucket.v ?? {})) add(target.counters, counters);
  }

  // Availability has no visit type: it is added only when the figures are not split by type.
  if (!request.visitType && request.by !== 'visitType') {
    for (const schedule of schedules) {
      const dim =
        request.by === 'clinic'
          ? schedule.clinicId
          : request.by === 'provider'
            ? schedule._id
            : undefined;
      for (const [period, days] of daysOf) {
        const minutes = days.reduce((sum, day) => sum + availableMinutesOn(schedule, day), 0);
        if (minutes > 0) add(group(period, dim).counters, { availableMinutes: minutes });
      }
    }
  }

  for (const row of groups.values()) {
    const days = daysOf.get(row.period) ?? [];
    const last = days[days.length - 1];
    if (!last) continue;
    const endOfPeriod = new Date(`${last}T23:59:59.999Z`);
    const at = endOfPeriod < request.now ? endOfPeriod : request.now;
    const scope = request.by === 'provider' ? staff.filter((s) => s._id === row.dim) : staff;
    add(row.counters, complianceAt(scope, at));
  }

  const wanted = METRICS.filter((m) => request.metrics.includes(m.name));
  return [...groups.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || (a.dim ?? '').localeCompare(b.dim ?? ''))
    .map((row) => {
      const withheld = request.minCellCount
        ? smallCells(row.counters, request.metrics, request.minCellCount)
        : [];
      return {
        period: row.period,
        ...(request.by && row.dim ? { [FIELD[request.by]]: row.dim } : {}),
        values: Object.fromEntries(
          wanted.map((m) => [m.name, withheld.includes(m.name) ? null : m.value(row.counters)]),
        ),
        ...(withheld.length > 0 ? { suppressed: withheld } : {}),
      };
    });
}
