import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { CareLinksModule } from '../care-links/care-links.module';
import { DirectoryModule } from '../directory/directory.module';
import { AccessChecks } from './access-checks';
import { ClinicScopeChecks } from './clinic-scope-checks';
import { ConsentAtStartReader } from './consent-at-start';
import { SessionStartChecks } from './session-start-checks';
import { StaffCredentialStates } from './staff-credentials.store';
import { TransferChecks } from './transfer-checks';
import { ViolationRecorder } from './violation.recorder';
import { ViolationsController } from './list-violations/violations.controller';
import { AcknowledgeViolationController } from './review/acknowledge-violation.controller';
import { ResolveViolationController } from './review/resolve-violation.controller';
import { ViolationReview } from './review/violation-review';
import { ViolationAlertProjection } from './violation-alert.projection';
import { ViolationAlerts } from './violation-alerts.store';
import { ViolationClinics } from './violation-clinics';
import { ViolationNotes } from './violation-notes.store';
import { ViolationRepository } from './violation.repository';

const httpControllers = [
  ViolationsController,
  AcknowledgeViolationController,
  ResolveViolationController,
];

/**
 * Violation detection (PHI-read rules, clinic scope, session-start and transfer rules), the alert list, and the privacy
 * officer's review (acknowledge, resolve), chained into the audit trail.
 */
@Module({
  imports: [EventStoreModule, CareLinksModule, DirectoryModule, AuditTrailModule],
  controllers: httpControllers,
  providers: [
    ViolationRecorder,
    ViolationAlerts,
    ViolationClinics,
    ViolationNotes,
    ViolationRepository,
    ViolationAlertProjection,
    ViolationReview,
    StaffCredentialStates,
    ConsentAtStartReader,
    AccessChecks,
    ClinicScopeChecks,
    SessionStartChecks,
    TransferChecks,
  ],
  exports: [
    StaffCredentialStates,
    AccessChecks,
    ClinicScopeChecks,
    SessionStartChecks,
    TransferChecks,
    ViolationRecorder,
    ViolationAlertProjection,
  ],
})
export class ViolationsModule {}
