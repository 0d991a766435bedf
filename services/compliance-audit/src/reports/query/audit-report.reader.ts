import { Injectable } from '@nestjs/common';
import { mongo } from 'mongoose';
import { AuditTrailCollections, EntryDocument } from '../../audit-trail/audit-trail.collections';
import { AuditEntry } from '../../audit-trail/domain/audit-entry';
import { ReportQueryDto } from './report-query.dto';

export const DEFAULT_PAGE = 100;

export interface EntryPage {
  readonly entries: readonly AuditEntry[];
  readonly next?: number;
}

/**
 * Pages of audit entries in chain order, filtered by period and service. Filters compare UTC
 * ISO strings (every entry's `occurredAt` is stored in UTC). `keep` filters further in memory
 * (e.g. "no care relationship"), reading on until the page is full.
 */
@Injectable()
export class AuditReportReader {
  constructor(private readonly collections: AuditTrailCollections) {}

  async page(
    filter: mongo.Filter<EntryDocument>,
    query: ReportQueryDto,
    keep: (entry: AuditEntry) => Promise<boolean> = () => Promise.resolve(true),
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
      for (const document of batch.slice(0, limit)) {
        after = document._id;
        const { _id, ...entry } = document;
        const auditEntry = { ...entry, seq: _id } as AuditEntry;
        if (await keep(auditEntry)) found.push(auditEntry);
        if (found.length === limit) {
          const more = batch.length > limit || document !== batch.at(-1);
          return more ? { entries: found, next: after } : { entries: found };
        }
      }
      if (batch.length <= limit) return { entries: found };
    }
  }
}
