import { Inject, Injectable } from '@nestjs/common';
import { assertValidEvent, EventDataOf } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { AuditChainWriter } from '../audit-trail/audit-chain.writer';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import { AuditTombstone } from '../audit-trail/domain/audit-entry';
import { toAuditRecord } from '../audit-trail/domain/event-to-audit-record';
import { PURGED_TYPE } from '../audit-trail/verify-chain/chain-verification.service';
import { AUDIT_SETTINGS, AuditSettings, CLOCK, Clock } from '../shared/audit.settings';
import { LegalHolds } from './legal-holds.store';

export type AuditEntriesPurged = EventDataOf<'thc.compliance.AuditEntriesPurged.v1'>;

/**
 * Reduces entries older than the retention period to tombstones (place, time, links and the
 * purge that emptied them), except those of patients under legal hold and the purge records
 * themselves. The purge is chained first, naming its cutoff and the range it covers, so every
 * tombstone the verifier meets is explained by an entry it can check; then published.
 */
@Injectable()
export class RetentionPurge {
  constructor(
    private readonly collections: AuditTrailCollections,
    private readonly writer: AuditChainWriter,
    private readonly holds: LegalHolds,
    private readonly store: MongoEventStore,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async purge(by: { userId: string; role: string }): Promise<AuditEntriesPurged> {
    const now = this.clock();
    const cutoff =
      DateTime.fromJSDate(now, { zone: 'utc' })
        .minus({ years: this.settings.retentionYears })
        .toISO() ?? '';
    const held = new Set((await this.holds.all()).map((hold) => hold.patientId));
    const eligible = await this.collections.entries
      .find(
        { tombstone: { $exists: false }, occurredAt: { $lt: cutoff }, type: { $ne: PURGED_TYPE } },
        { projection: { _id: 1, patientId: 1, occurredAt: 1, prevHash: 1, hash: 1 } },
      )
      .sort({ _id: 1 })
      .toArray();
    const purgeable = eligible.filter((entry) => {
      const patientId = entry.tombstone ? undefined : entry.patientId;
      return !(patientId && held.has(patientId));
    });
    const purgeId = randomUUID();
    const data: AuditEntriesPurged = {
      purgeId,
      cutoff,
      retentionYears: this.settings.retentionYears,
      purgedCount: purgeable.length,
      heldCount: eligible.length - purgeable.length,
      ...(purgeable[0]
        ? { firstSeq: purgeable[0]._id, lastSeq: purgeable.at(-1)?._id ?? purgeable[0]._id }
        : {}),
      purgedAt: now.toISOString(),
      purgedBy: { kind: 'user', userId: by.userId, role: by.role as 'admin' },
    };
    assertValidEvent(PURGED_TYPE, data);
    await this.writer.append([
      toAuditRecord({
        id: purgeId,
        source: '/thc/compliance-audit',
        type: PURGED_TYPE,
        subject: `audit-purge-${purgeId}`,
        time: data.purgedAt,
        data,
      }),
    ]);
    for (const entry of purgeable) {
      const tombstone: AuditTombstone = {
        seq: entry._id,
        tombstone: true,
        occurredAt: entry.occurredAt,
        purgeId,
        prevHash: entry.prevHash,
        hash: entry.hash,
      };
      // Conditional on the hash: an entry changed meanwhile is left for verification to report.
      await this.collections.entries.replaceOne({ _id: entry._id, hash: entry.hash }, tombstone);
    }
    await this.store.append(`audit-purge-${purgeId}`, 0, [
      { id: purgeId, type: PURGED_TYPE, data, metadata: { actor: by.userId } },
    ]);
    return data;
  }
}
