import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { applyOnceBulk } from '@thc/messaging';
import { Connection, mongo } from 'mongoose';
import { AuditRecord } from '../audit-trail/domain/audit-record';
import { CareLinks } from '../care-links/care-links.store';
import { AUDIT_SETTINGS, AuditSettings, CLOCK, Clock } from '../shared/audit.settings';
import { DeferredChecks } from './deferred-checks';
import { burstWindow, judgeAccess, judgeBurst, PhiRead } from './domain/access.rules';
import { ViolationRecorder } from './violation.recorder';

interface BurstDocument {
  _id: string;
  actorId: string;
  window: string;
  count: number;
  reads: string[];
}

/**
 * The PHI-read rules. A burst is counted as each read is recorded (one counter per user and
 * window, applied once per event). Care relationship and working hours are judged after
 * `accessCheckDelayMs`: the booking that creates a relationship travels on another topic and
 * may arrive just after the read it explains.
 */
@Injectable()
export class AccessChecks implements OnModuleInit, OnApplicationShutdown {
  private readonly bursts: mongo.Collection<BurstDocument>;
  private readonly deferred: DeferredChecks<PhiRead>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly care: CareLinks,
    private readonly recorder: ViolationRecorder,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.bursts = connection.collection<BurstDocument>('access_bursts');
    this.deferred = new DeferredChecks<PhiRead>(
      connection.collection('access_checks_pending'),
      (read, now) => this.judge(read, now),
      settings.accessCheckDelayMs,
      clock,
      AccessChecks.name,
    );
  }

  onModuleInit(): void {
    this.deferred.start();
  }

  onApplicationShutdown(): void {
    this.deferred.stop();
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
    await this.deferred.enqueue(reads);
    await this.countBursts(reads);
  }

  sweep(): Promise<number> {
    return this.deferred.sweep();
  }

  private async judge(read: PhiRead, now: string): Promise<void> {
    const relationship = await this.care.relationship(read.actorId, read.patientId);
    for (const finding of judgeAccess(read, relationship, this.settings))
      await this.recorder.record(finding, now);
  }

  private async countBursts(reads: readonly PhiRead[]): Promise<void> {
    const windows = reads.map((read) => ({
      read,
      id: `${read.actorId}|${burstWindow(read.at, this.settings.burstWindowSeconds)}`,
    }));
    await applyOnceBulk(
      this.bursts as unknown as mongo.Collection<mongo.Document>,
      windows.map(({ read, id }) => ({
        eventId: read.eventId,
        filter: { _id: id },
        update: {
          $inc: { count: 1 },
          $push: { reads: read.eventId },
          $setOnInsert: {
            actorId: read.actorId,
            window: burstWindow(read.at, this.settings.burstWindowSeconds),
          },
        },
      })),
    );
    for (const id of new Set(windows.map((w) => w.id))) {
      const burst = await this.bursts.findOne({ _id: id });
      const finding =
        burst && judgeBurst(burst.actorId, burst.window, burst.reads, this.settings.burstThreshold);
      if (finding) await this.recorder.record(finding, this.clock().toISOString());
    }
  }
}
