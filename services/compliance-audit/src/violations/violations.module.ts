import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { AuditTrailModule } from '../audit-trail/audit-trail.module';
import { CareLinksModule } from '../care-links/care-links.module';
import { DirectoryModule } from '../directory/directory.module';
import { AccessChecks } from './access-checks';
import { DeferredRuleContext } from './deferred-rule';
import { ClinicScopeChecks } from './clinic-scope-checks';
import { ConsentAtStartReader } from './consent-at-start';
import { SessionStartChecks } from './session-start-checks';
import { StaffCredentialStates } from './staff-credentials.projection';
import { TransferChecks } from './transfer-checks';
import { ViolationRecorder } from './violation.recorder';
import { ListViolationsController } from './list-violations/list-violations.controller';
import { ReviewViolationController } from './review/review-violation.controller';
import { ListViolationsQuery } from './list-violations/list-violations.query';
import { ViolationReview } from './review/violation-review';
import { ViolationAlertRefresher } from './violation-alert.refresher';
import { ViolationAlerts } from './violation-alerts.projection';
import { ViolationClinics } from './violation-clinics';
import { ViolationNotes } from './violation-notes.projection';
import { ViolationRepository } from './violation.repository';

const httpControllers = [ListViolationsController, ReviewViolationController];

/**
 * Violation detection (PHI-read rules, clinic scope, session-start and transfer rules), the alert list, and the privacy
 * officer's review (acknowledge, resolve), chained into the audit trail.
 */
@Module({
  imports: [EventStoreModule, CareLinksModule, DirectoryModule, AuditTrailModule],
  controllers: httpControllers,
  providers: [
    DeferredRuleContext,
    ViolationRecorder,
    ViolationAlerts,
    ViolationClinics,
    ViolationNotes,
    ViolationRepository,
    ViolationAlertRefresher,
    ViolationReview,
    ListViolationsQuery,
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
    ViolationAlertRefresher,
  ],
})
export class ViolationsModule {}
