import { Injectable } from '@nestjs/common';
import { isClinicScopedRole, isRole } from '@thc/auth';
import { AuditRecord } from '../audit-trail/domain/audit-record';
import { CareLinks } from '../care-links/care-links.projection';
import { StaffDirectory } from '../directory/staff-directory.projection';
import { DeferredRule, DeferredRuleContext } from './deferred-rule';
import { judgeClinicScope, ScopedRead } from './domain/clinic-scope.rules';

/**
 * Judges each PHI read by clinic-scoped staff against the clinics the directory lists for them
 * and the clinics of the patient's visits. Deferred like the other PHI-read rules: the
 * directory record and the booking that place them travel on another topic than the read.
 */
@Injectable()
export class ClinicScopeChecks extends DeferredRule<ScopedRead> {
  constructor(
    context: DeferredRuleContext,
    private readonly directory: StaffDirectory,
    private readonly links: CareLinks,
  ) {
    super(context, 'clinic_scope_checks_pending');
  }

  /** Queues the PHI reads of clinic-scoped staff; a redelivered read queues nothing new. */
  async enqueue(records: readonly AuditRecord[]): Promise<void> {
    await this.queue(
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

  protected async judge(read: ScopedRead, now: string): Promise<void> {
    const [reader, patientClinics] = await Promise.all([
      this.directory.member(read.actorId),
      this.links.clinicsOfPatient(read.patientId),
    ]);
    await this.record(judgeClinicScope(read, reader?.clinicIds, patientClinics), now);
  }
}
