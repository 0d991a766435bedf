import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { applyOnceBulk } from '@thc/messaging';
import { Connection, mongo } from 'mongoose';
import { AuditRecord } from '../audit-trail/domain/audit-record';
import { CareLinks } from '../care-links/care-links.store';
import { AUDIT_SETTINGS, AuditSettings, CLOCK, Clock } from '../shared/audit.settings';
import { burstWindow, judgeAccess, judgeBurst, PhiRead } from './domain/access.rules';
import { ViolationRecorder } from './violation.recorder';

type PendingCheck = PhiRead & { _id: string; dueAt: string };
interface BurstDocument {
  _id: string;
  actorId: string;
  window: string;
  count: number;
  reads: string[];
}

const SWEEP_LIMIT = 500;

/**
 * The PHI-read rules. A burst is counted as each read is recorded (one counter per user and
 * window, applied once per event). Care relationship and working hours are judged a little
 * later (`accessCheckDelayMs`): the booking that creates a relationship travels on another
 * topic and may arrive just after the read it explains.
 */
@Injectable()
export class AccessChecks implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AccessChecks.name);
  private readonly pending: mongo.Collection<PendingCheck>;
  private readonly bursts: mongo.Collection<BurstDocument>;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly care: CareLinks,
    private readonly recorder: ViolationRecorder,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.pending = connection.collection<PendingCheck>('access_checks_pending');
    this.bursts = connection.collection<BurstDocument>('access_bursts');
  }

  onModuleInit(): void {
    const every = Math.max(200, Math.min(5000, this.settings.accessCheckDelayMs));
    this.timer = setInterval(
      () =>
        void this.sweep().catch((e: Error) =>
          this.logger.warn(`access sweep failed: ${e.message}`),
        ),
      every,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
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
    const dueAt = new Date(this.clock().getTime() + this.settings.accessCheckDelayMs).toISOString();
    await this.pending
      .insertMany(
        reads.map((read) => ({ ...read, _id: read.eventId, dueAt })),
        { ordered: false },
      )
      .catch((error: unknown) => {
        // Already queued (a redelivery): the other reads of the batch went in regardless.
        if (!(error instanceof mongo.MongoBulkWriteError) || error.code !== 11000) throw error;
      });
    const windows = reads.map((read) => ({
      read,
      window: burstWindow(read.at, this.settings.burstWindowSeconds),
    }));
    await applyOnceBulk(
      this.bursts as unknown as mongo.Collection<mongo.Document>,
      windows.map(({ read, window }) => ({
        eventId: read.eventId,
        filter: { _id: `${read.actorId}|${window}` },
        update: {
          $inc: { count: 1 },
          $push: { reads: read.eventId },
          $setOnInsert: { actorId: read.actorId, window },
        },
      })),
    );
    const touched = [...new Set(windows.map(({ read, window }) => `${read.actorId}|${window}`))];
    for (const id of touched) {
      const burst = await this.bursts.findOne({ _id: id });
      const finding =
        burst && judgeBurst(burst.actorId, burst.window, burst.reads, this.settings.burstThreshold);
      if (finding) await this.recorder.record(finding, this.clock().toISOString());
    }
  }

  /** Judges the reads that are due; returns how many. One sweep at a time per instance. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepNow().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepNow(): Promise<number> {
    const now = this.clock().toISOString();
    const due = await this.pending
      .find({ dueAt: { $lte: now } })
      .limit(SWEEP_LIMIT)
      .toArray();
    for (const check of due) {
      const relationship = await this.care.relationship(check.actorId, check.patientId);
      for (const finding of judgeAccess(check, relationship, this.settings))
        await this.recorder.record(finding, now);
      // Deleted only after its findings are recorded: a crash in between judges it again,
      // and the same finding has the same id.
      await this.pending.deleteOne({ _id: check._id });
    }
    return due.length;
  }
}
