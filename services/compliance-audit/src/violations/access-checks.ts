import { Injectable } from '@nestjs/common';
import { mongo } from 'mongoose';
import { AuditRecord } from '../audit-trail/domain/audit-record';
import { CareLinks } from '../care-links/care-links.projection';
import { insertOrUpdate } from '../insert-or-update';
import { AuditSettings } from '../audit.settings';
import { DeferredRule, DeferredRuleContext } from './deferred-rule';
import { burstWindow, judgeAccess, judgeBurst, PhiRead } from './domain/access.rules';
import { Clock } from '@thc/service-runtime';

interface BurstDocument {
  _id: string;
  actorId: string;
  window: string;
  reads: string[];
}

/**
 * The PHI-read rules. A burst is counted as each read is recorded (one counter per user and
 * window, applied once per event). Care relationship and working hours are judged after
 * `accessCheckDelayMs`: the booking that creates a relationship travels on another topic and
 * may arrive just after the read it explains.
 */
@Injectable()
export class AccessChecks extends DeferredRule<PhiRead> {
  private readonly bursts: mongo.Collection<BurstDocument>;

  private readonly settings: AuditSettings;
  private readonly clock: Clock;

  constructor(
    context: DeferredRuleContext,
    private readonly care: CareLinks,
  ) {
    super(context, 'access_checks_pending');
    ({ settings: this.settings, clock: this.clock } = context);
    this.bursts = context.connection.collection<BurstDocument>('access_bursts');
  }

  /** Queues the reads for judgement and counts them toward bursts; idempotent per event. */
  async enqueue(records: readonly AuditRecord[]): Promise<void> {
    const reads = records.flatMap((record): PhiRead[] =>
      record.phiAccess && record.actor?.kind === 'user' && record.patientId
        ? [
            {
              eventId: record.eventId,
              actorId: record.actor.id,
              role: record.actor.role,
              patientId: record.patientId,
              purpose: record.purpose ?? 'operations',
              at: record.occurredAt,
            },
          ]
        : [],
    );
    if (reads.length === 0) return;
    await this.queue(reads);
    await this.countBursts(reads);
  }

  protected async judge(read: PhiRead, now: string): Promise<void> {
    const relationship = await this.care.relationship(read.actorId, read.patientId);
    await this.record(judgeAccess(read, relationship, this.settings), now);
  }

  // One document per user and window holding the ids of its reads: `$addToSet` makes a
  // redelivered read change nothing, and the count is the list's length.
  private async countBursts(reads: readonly PhiRead[]): Promise<void> {
    const byWindow = new Map<string, { actorId: string; window: string; ids: string[] }>();
    for (const read of reads) {
      const window = burstWindow(read.at, this.settings.burstWindowSeconds);
      const id = `${read.actorId}|${window}`;
      const entry = byWindow.get(id) ?? { actorId: read.actorId, window, ids: [] };
      entry.ids.push(read.eventId);
      byWindow.set(id, entry);
    }
    await insertOrUpdate(
      this.bursts,
      [...byWindow].map(([id, { actorId, window, ids }]) => ({
        updateOne: {
          filter: { _id: id },
          update: { $setOnInsert: { actorId, window }, $addToSet: { reads: { $each: ids } } },
        },
      })),
    );
    // One query for every touched window: FerretDB answers each findOne in tens of ms.
    const touched = await this.bursts.find({ _id: { $in: [...byWindow.keys()] } }).toArray();
    for (const burst of touched) {
      const finding = judgeBurst(
        burst.actorId,
        burst.window,
        burst.reads,
        this.settings.burstThreshold,
      );
      if (finding) await this.record([finding], this.clock().toISOString());
    }
  }
}
