import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { CareLinksModule } from '../care-links/care-links.module';
import { AccessChecks } from './access-checks';
import { ConsentAtStartReader } from './consent-at-start';
import { SessionStartChecks } from './session-start-checks';
import { StaffCredentialStates } from './staff-credentials.store';
import { ViolationRecorder } from './violation.recorder';
import { ViolationsController } from './list-violations/violations.controller';

/** Violation detection: PHI-read rules, session-start rules, the alert list. */
@Module({
  imports: [EventStoreModule, CareLinksModule],
  controllers: [ViolationsController],
  providers: [
    ViolationRecorder,
    StaffCredentialStates,
    ConsentAtStartReader,
    AccessChecks,
    SessionStartChecks,
  ],
  exports: [StaffCredentialStates, AccessChecks, SessionStartChecks, ViolationRecorder],
})
export class ViolationsModule {}
