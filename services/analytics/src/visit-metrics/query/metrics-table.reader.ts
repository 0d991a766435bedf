import { BadRequestException, Injectable } from '@nestjs/common';
import type { mongo } from 'mongoose';
import type { ScheduleFacts } from '../domain/available-minutes';
import type { StaffFacts } from '../domain/staff-compliance';
import { Bucket, metricsTable, TableRequest, TableRow } from '../domain/metrics-table';
import { METRIC_NAMES } from '../domain/metric-definitions';
import { VisitMetricsVersions } from '../rebuild/visit-metrics.versions';
import type { MetricsQuery } from './metrics.query';
import { minCellCountFromEnv } from './min-cell-count.settings';

const MAX_DAYS = 3 * 366;

/** Reads the serving version's buckets for a query and turns them into the metrics table. */
@Injectable()
export class MetricsTableReader {
  /** Read when the service starts, so a bad value stops it rather than a query. */
  private readonly minCellCount = minCellCountFromEnv();

  constructor(private readonly versions: VisitMetricsVersions) {}

  async read(query: MetricsQuery, now: Date): Promise<{ version: string; rows: TableRow[] }> {
    const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (!(span >= 0) || span > MAX_DAYS)
      throw new BadRequestException('to must be on or after from, at most 3 years later');
    const request: TableRequest = {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy ?? 'day',
      ...(query.by ? { by: query.by } : {}),
      ...(query.clinicId ? { clinicId: query.clinicId } : {}),
      ...(query.providerId ? { providerId: query.providerId } : {}),
      ...(query.visitType ? { visitType: query.visitType } : {}),
      metrics: query.metrics ?? METRIC_NAMES,
      now,
      minCellCount: this.minCellCount,
    };
    const store = await this.versions.activeCollections();
    const dims: Record<string, string> = {
      ...(query.clinicId ? { clinicId: query.clinicId } : {}),
      ...(query.providerId ? { providerId: query.providerId } : {}),
      ...(query.visitType ? { visitType: query.visitType } : {}),
    };
    // Whole months read the month buckets: a year is then twelve documents per dimension combination.
    const wholeMonths =
      request.groupBy === 'month' && query.from.endsWith('-01') && isLastDayOfMonth(query.to);
    const bucketCursor = wholeMonths
      ? store.months.find({ ...dims, month: { $in: monthsBetween(query.from, query.to) } })
      : store.days.find({ ...dims, day: { $in: daysBetween(query.from, query.to) } });
    const scheduleFilter: mongo.Filter<mongo.Document> = query.providerId
      ? { _id: query.providerId as unknown as mongo.ObjectId }
      : query.clinicId
        ? { clinicId: query.clinicId }
        : {};
    const staffFilter: mongo.Filter<mongo.Document> = query.providerId
      ? { _id: query.providerId as unknown as mongo.ObjectId }
      : {};
    // Three independent reads, in parallel.
    const [buckets, schedules, staff] = (await Promise.all([
      bucketCursor.toArray(),
      store.schedules.find(scheduleFilter).toArray(),
      store.staff.find(staffFilter).toArray(),
    ])) as unknown as [Bucket[], ScheduleFacts[], StaffFacts[]];
    return { version: store.version, rows: metricsTable(request, buckets, schedules, staff) };
  }
}

// Buckets are read by their keys (every day or month of the period) rather than by a range,
// which the local server cannot answer from an index.
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function monthsBetween(from: string, to: string): string[] {
  const months = new Set(daysBetween(from, to).map((day) => day.slice(0, 7)));
  return [...months];
}

function isLastDayOfMonth(day: string): boolean {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
}
