import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { clinicFilterOf, coversClinic, Principal } from '@thc/auth';
import type { mongo } from 'mongoose';
import type { ScheduleFacts } from '../domain/available-minutes';
import type { StaffFacts } from '../domain/staff-compliance';
import { Bucket, metricsTable, TableRequest, TableRow } from '../domain/metrics-table';
import { METRIC_NAMES } from '../domain/metric-definitions';
import { ServingCollections } from '../infrastructure/serving-collections';
import type { DirectoryLabel } from '../../directory-names/domain/directory-label';
import { DirectoryNamesReader } from '../../directory-names/directory-names.reader';
import type { MetricsQuery } from './metrics-query.dto';
import { minCellCountFromEnv } from '../../min-cell-count.settings';

const MAX_DAYS = 3 * 366;

/** A row of the table with the names a person reads beside the ids. */
export type NamedRow = TableRow & {
  readonly clinicName?: string;
  readonly clinicListed?: boolean;
  readonly providerName?: string;
  readonly providerListed?: boolean;
};

/**
 * Reads the serving version's buckets for a query and turns them into the metrics table,
 * bounded to the clinics the caller covers.
 */
@Injectable()
export class MetricsTableReader {
  /** Read when the service starts, so a bad value stops it rather than a query. */
  private readonly minCellCount = minCellCountFromEnv();

  constructor(
    private readonly versions: ServingCollections,
    private readonly directory: DirectoryNamesReader,
  ) {}

  async read(
    query: MetricsQuery,
    principal: Principal,
    now: Date,
  ): Promise<{ version: string; rows: NamedRow[] }> {
    const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (!(span >= 0) || span > MAX_DAYS)
      throw new BadRequestException('to must be on or after from, at most 3 years later');
    const clinics = clinicsOf(query, principal);
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
    // The clinics' names and rosters first: the roster bounds whose training counts.
    const [store, listed] = await Promise.all([
      this.versions.activeCollections(),
      clinics ? this.directory.clinics(clinics) : undefined,
    ]);
    const dims: mongo.Filter<mongo.Document> = {
      ...(clinics ? { clinicId: { $in: [...clinics] } } : {}),
      ...(query.providerId ? { providerId: query.providerId } : {}),
      ...(query.visitType ? { visitType: query.visitType } : {}),
    };
    // Whole months read the month buckets: a year is then twelve documents per dimension combination.
    const wholeMonths =
      request.groupBy === 'month' && query.from.endsWith('-01') && isLastDayOfMonth(query.to);
    const bucketCursor = wholeMonths
      ? store.months.find({ ...dims, month: { $in: monthsBetween(query.from, query.to) } })
      : store.days.find({ ...dims, day: { $in: daysBetween(query.from, query.to) } });
    const scheduleFilter: mongo.Filter<mongo.Document> = {
      ...(query.providerId ? { _id: query.providerId as unknown as mongo.ObjectId } : {}),
      ...(clinics ? { clinicId: { $in: [...clinics] } } : {}),
    };
    const staffFilter = staffFilterOf(query.providerId, listed);
    // Three independent reads, in parallel.
    const [buckets, schedules, staff] = (await Promise.all([
      bucketCursor.toArray(),
      store.schedules.find(scheduleFilter).toArray(),
      store.staff.find(staffFilter).toArray(),
    ])) as unknown as [Bucket[], ScheduleFacts[], StaffFacts[]];
    const rows = metricsTable(request, buckets, schedules, staff);
    return { version: store.version, rows: await this.named(rows, listed) };
  }

  /** Clinic and provider names beside their ids (one read by id, when not read already). */
  private async named(
    rows: readonly TableRow[],
    listed: ReadonlyMap<string, DirectoryLabel> | undefined,
  ): Promise<NamedRow[]> {
    const ids = (field: 'clinicId' | 'providerId') => [
      ...new Set(rows.flatMap((row) => (row[field] ? [row[field]] : []))),
    ];
    const clinicIds = ids('clinicId');
    const providerIds = ids('providerId');
    const [clinics, providers] = await Promise.all([
      listed && clinicIds.every((id) => listed.has(id))
        ? listed
        : this.directory.clinics(clinicIds),
      this.directory.providers(providerIds),
    ]);
    return rows.map((row) => {
      const clinic = row.clinicId ? clinics.get(row.clinicId) : undefined;
      const provider = row.providerId ? providers.get(row.providerId) : undefined;
      return {
        ...row,
        ...(clinic ? { clinicName: clinic.name, clinicListed: clinic.listed } : {}),
        ...(provider ? { providerName: provider.name, providerListed: provider.listed } : {}),
      };
    });
  }
}

/**
 * The clinics a query reads: the one asked for, if the caller covers it (403 otherwise), or
 * every clinic the caller covers; `undefined` for every clinic. Totals over "all clinics" are
 * then the caller's clinics only: the organization's total would give the others away by
 * difference.
 */
export function clinicsOf(
  query: { readonly clinicId?: string },
  principal: Principal,
): readonly string[] | undefined {
  if (query.clinicId && !coversClinic(principal, query.clinicId))
    throw new ForbiddenException(`clinicId ${query.clinicId} is not a clinic this token covers`);
  return query.clinicId ? [query.clinicId] : clinicFilterOf(principal);
}

/**
 * Whose training counts: everyone training knows, or, for some clinics, the staff the directory
 * lists in them (a clinic's compliance is its own staff's).
 */
function staffFilterOf(
  providerId: string | undefined,
  listed: ReadonlyMap<string, { staffIds: readonly string[] }> | undefined,
): mongo.Filter<mongo.Document> {
  if (!listed) return providerId ? { _id: providerId as unknown as mongo.ObjectId } : {};
  const roster = new Set([...listed.values()].flatMap((clinic) => clinic.staffIds));
  const ids = providerId ? [providerId].filter((id) => roster.has(id)) : [...roster];
  return { _id: { $in: ids as unknown as mongo.ObjectId[] } };
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
