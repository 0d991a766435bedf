import { BadRequestException, Injectable } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import { monthsFrom, MessageBucket, reachTable, ReachRow } from '../domain/reach-table';
import { ServingCollections } from '../infrastructure/serving-collections';
import { DirectoryNamesReader } from '../../directory-names/directory-names.reader';
import { clinicsOf } from './metrics-table.query';
import { minCellCountFromEnv } from '../../min-cell-count.settings';
import type { ReachQuery } from './reach-query.dto';

const MAX_MONTHS = 36;

export type NamedReachRow = ReachRow & {
  readonly clinicName?: string;
  readonly clinicListed?: boolean;
};

/**
 * Reads the serving version's message month buckets of a query's months (by key: one command,
 * whatever the history) and turns them into the reach table, bounded to the clinics the caller
 * covers. Messages about no visit analytics knows have no clinic: only an analyst of every
 * clinic sees them.
 */
@Injectable()
export class ReachReader {
  /** Read when the service starts, so a bad value stops it rather than a query. */
  private readonly minCellCount = minCellCountFromEnv();

  constructor(
    private readonly versions: ServingCollections,
    private readonly directory: DirectoryNamesReader,
  ) {}

  async read(
    query: ReachQuery,
    principal: Principal,
  ): Promise<{ version: string; rows: NamedReachRow[] }> {
    const months = monthsFrom(query.from, query.to);
    if (months.length === 0 || months.length > MAX_MONTHS)
      throw new BadRequestException('to must be on or after from, at most 36 months later');
    const clinics = clinicsOf(query, principal);
    const store = await this.versions.activeCollections();
    const buckets = (await store.messageMonths
      .find({ month: { $in: months }, ...(clinics ? { clinicId: { $in: [...clinics] } } : {}) })
      .toArray()) as unknown as MessageBucket[];
    const rows = reachTable(
      {
        from: query.from,
        to: query.to,
        ...(query.by ? { by: query.by } : {}),
        minCellCount: this.minCellCount,
      },
      buckets,
    );
    const ids = [...new Set(rows.flatMap((r) => (r.clinicId ? [r.clinicId] : [])))];
    const names = ids.length > 0 ? await this.directory.clinics(ids) : new Map();
    return {
      version: store.version,
      rows: rows.map((row) => {
        const label = row.clinicId ? names.get(row.clinicId) : undefined;
        return label ? { ...row, clinicName: label.name, clinicListed: label.listed } : row;
      }),
    };
  }
}
