import { Inject, Injectable } from '@nestjs/common';
import { assertValidEvent, EventDataOf } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { DateTime } from 'luxon';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { AuditChainWriter } from '../audit-trail/audit-chain.writer';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import { AuditTombstone } from '../audit-trail/domain/audit-entry';
import { eventIdHash, patientIdHash } from '../audit-trail/domain/audit-hash';
import { toAuditRecord } from '../audit-trail/domain/event-to-audit-record';
import {
  HOLD_PLACED_TYPE,
  HOLD_RELEASED_TYPE,
  PURGED_TYPE,
  SeqRange,
  toRanges,
} from '../audit-trail/domain/purge-rules';
import { AUDIT_SETTINGS, AuditSettings } from '../audit.settings';
import { LegalHolds } from './legal-holds.projection';

export type AuditEntriesPurged = EventDataOf<'thc.compliance.AuditEntriesPurged.v1'>;

/** What a purge would do now: the answer of a dry run. */
export interface PurgePlan {
  readonly dryRun: true;
  readonly cutoff: string;
  readonly retentionYears: number;
  readonly purgedCount: number;
  readonly purgedRanges: SeqRange[];
  readonly heldCount: number;
  readonly heldRanges: SeqRange[];
}

interface Eligible {
  readonly _id: number;
  readonly eventId: string;
  readonly patientId?: string;
  readonly occurredAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Reduces entries older than the retention period to tombstones (place, time, links, the hashes
 * of their event and patient ids, and the purge that emptied them), except those of patients
 * under legal hold and the trail's own records of purges and holds. The purge is chained first,
 * listing exactly the sequence numbers it empties, so every tombstone the verifier meets is
 * explained by an entry it can check; then published.
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
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async plan(): Promise<PurgePlan> {
    const { cutoff, purgeable, held } = await this.select(this.clock());
    return {
      dryRun: true,
      cutoff,
      retentionYears: this.settings.retentionYears,
      purgedCount: purgeable.length,
      purgedRanges: toRanges(purgeable.map((entry) => entry._id)),
      heldCount: held.length,
      heldRanges: toRanges(held.map((entry) => entry._id)),
    };
  }

  async purge(by: { userId: string; role: string }): Promise<AuditEntriesPurged> {
    const now = this.clock();
    const { cutoff, purgeable, held } = await this.select(now);
    const purgeId = this.newId();
    const data: AuditEntriesPurged = {
      purgeId,
      cutoff,
      retentionYears: this.settings.retentionYears,
      purgedCount: purgeable.length,
      heldCount: held.length,
      ...(purgeable[0]
        ? { firstSeq: purgeable[0]._id, lastSeq: purgeable.at(-1)?._id ?? purgeable[0]._id }
        : {}),
      purgedRanges: toRanges(purgeable.map((entry) => entry._id)),
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
    // A hold placed while the purge was being recorded is chained before the record, so
    // verification would hold it against this purge: such entries are listed but left intact.
    const heldNow = new Set((await this.holds.all()).map((hold) => hold.patientId));
    for (const entry of purgeable) {
      if (entry.patientId && heldNow.has(entry.patientId)) continue;
      const tombstone: AuditTombstone = {
        seq: entry._id,
        tombstone: true,
        occurredAt: entry.occurredAt,
        purgeId,
        eventIdHash: eventIdHash(entry.eventId),
        ...(entry.patientId ? { patientIdHash: patientIdHash(entry.patientId) } : {}),
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

  private async select(now: Date): Promise<{
    cutoff: string;
    purgeable: Eligible[];
    held: Eligible[];
  }> {
    const cutoff =
      DateTime.fromJSDate(now, { zone: 'utc' })
        .minus({ years: this.settings.retentionYears })
        .toISO() ?? '';
    const holds = new Set((await this.holds.all()).map((hold) => hold.patientId));
    const eligible = (await this.collections.entries
      .find(
        {
          tombstone: { $exists: false },
          occurredAt: { $lt: cutoff },
          // The trail's records of purges and holds stay: verification checks tombstones by them.
          type: { $nin: [PURGED_TYPE, HOLD_PLACED_TYPE, HOLD_RELEASED_TYPE] },
        },
        { projection: { _id: 1, eventId: 1, patientId: 1, occurredAt: 1, prevHash: 1, hash: 1 } },
      )
      .sort({ _id: 1 })
      .toArray()) as unknown as Eligible[];
    const isHeld = (entry: Eligible) => !!entry.patientId && holds.has(entry.patientId);
    return {
      cutoff,
      purgeable: eligible.filter((entry) => !isHeld(entry)),
      held: eligible.filter(isHeld),
    };
  }
}
