import { Injectable } from '@nestjs/common';
import { mongo } from 'mongoose';
import { AuditTrailCollections, EntryDocument } from '../audit-trail/audit-trail.collections';
import { AuditEntry } from '../audit-trail/domain/audit-entry';
import { ReportQueryDto } from './report-query.dto';

export const DEFAULT_PAGE = 100;

export interface EntryPage {
  readonly entries: readonly AuditEntry[];
  readonly next?: number;
}

/**
 * Which entries of a batch the caller may see (e.g. those of patients in the clinics they
 * cover): asked once per batch read, so one lookup serves a whole page.
 */
export type VisibleEntries = (
  entries: readonly AuditEntry[],
) => Promise<(entry: AuditEntry) => boolean>;

/**
 * Pages of audit entries in chain order, filtered by period and service. Filters compare UTC
 * ISO strings (every entry's `occurredAt` is stored in UTC). `keep` filters further in memory
 * (e.g. "no care relationship"), and `visible` by what the caller may see, reading on until
 * the page is full.
 */
@Injectable()
export class AuditReportQuery {
  constructor(private readonly collections: AuditTrailCollections) {}

  async page(
    filter: mongo.Filter<EntryDocument>,
    query: ReportQueryDto,
    keep: (entry: AuditEntry) => Promise<boolean> = () => Promise.resolve(true),
    visible: VisibleEntries = () => Promise.resolve(() => true),
  ): Promise<EntryPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const occurred = {
      ...(query.from ? { $gte: new Date(query.from).toISOString() } : {}),
      ...(query.to ? { $lt: new Date(query.to).toISOString() } : {}),
    };
    const base: mongo.Filter<EntryDocument> = {
      ...filter,
      tombstone: { $exists: false },
      ...(query.service ? { service: query.service } : {}),
      ...(Object.keys(occurred).length > 0 ? { occurredAt: occurred } : {}),
    };
    const found: AuditEntry[] = [];
    let after = query.after ?? 0;
    for (;;) {
      const batch = await this.collections.entries
        .find({ ...base, _id: { $gt: after } })
        .sort({ _id: 1 })
        .limit(limit + 1)
        .toArray();
      const entries = batch
        .slice(0, limit)
        .map(({ _id, ...entry }) => ({ ...entry, seq: _id }) as AuditEntry);
      const shown = await visible(entries);
      for (const [index, auditEntry] of entries.entries()) {
        const document = batch[index];
        if (!document) break;
        after = document._id;
        if (shown(auditEntry) && (await keep(auditEntry))) found.push(auditEntry);
        if (found.length === limit) {
          const more = batch.length > limit || document !== batch.at(-1);
          return more ? { entries: found, next: after } : { entries: found };
        }
      }
      if (batch.length <= limit) return { entries: found };
    }
  }
}
