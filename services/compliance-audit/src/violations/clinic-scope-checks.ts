import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { isClinicScopedRole, isRole } from '@thc/auth';
import { Connection } from 'mongoose';
import { AuditRecord } from '../audit-trail/domain/audit-record';
import { CareLinks } from '../care-links/care-links.projection';
import { StaffDirectory } from '../directory/staff-directory.projection';
import { AUDIT_SETTINGS, AuditSettings } from '../audit.settings';
import { DeferredChecks } from './deferred-checks';
import { judgeClinicScope, ScopedRead } from './domain/clinic-scope.rules';
import { ViolationRecorder } from './violation.recorder';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * Judges each PHI read by clinic-scoped staff against the clinics the directory lists for them
 * and the clinics of the patient's visits. Deferred like the other PHI-read rules: the
 * directory record and the booking that place them travel on another topic than the read.
 */
@Injectable()
export class ClinicScopeChecks implements OnModuleInit, OnApplicationShutdown {
  private readonly deferred: DeferredChecks<ScopedRead>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly directory: StaffDirectory,
    private readonly links: CareLinks,
    private readonly recorder: ViolationRecorder,
    @Inject(AUDIT_SETTINGS) settings: AuditSettings,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.deferred = new DeferredChecks<ScopedRead>(
      connection.collection('clinic_scope_checks_pending'),
      (read, now) => this.judge(read, now),
      settings.accessCheckDelayMs,
      clock,
      ClinicScopeChecks.name,
    );
  }

  onModuleInit(): void {
    this.deferred.start();
  }

  onApplicationShutdown(): void {
    this.deferred.stop();
  }

  /** Queues the PHI reads of clinic-scoped staff; a redelivered read queues nothing new. */
  async enqueue(records: readonly AuditRecord[]): Promise<void> {
    await this.deferred.enqueue(
      records.flatMap((record): ScopedRead[] =>
        record.phiAccess &&
        record.actor?.kind === 'user' &&
        record.patientId &&
        isRole(record.actor.role) &&
        isClinicScopedRole(record.actor.role)
          ? [
              {
                eventId: record.eventId,
                actorId: record.actor.id,
                role: record.actor.role,
                patientId: record.patientId,
                at: record.occurredAt,
              },
            ]
          : [],
      ),
    );
  }

  sweep(): Promise<number> {
    return this.deferred.sweep();
  }

  private async judge(read: ScopedRead, now: string): Promise<void> {
    const [reader, patientClinics] = await Promise.all([
      this.directory.member(read.actorId),
      this.links.clinicsOfPatient(read.patientId),
    ]);
    for (const finding of judgeClinicScope(read, reader?.clinicIds, patientClinics))
      await this.recorder.record(finding, now);
  }
}
