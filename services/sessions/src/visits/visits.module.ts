import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { PlatformMonitor } from '../platform-status/platform-monitor';
import { PlatformMonitorStore } from '../platform-status/platform-monitor.projection';
import { PlatformStatusController } from '../platform-status/platform-status.controller';
import { SESSIONS_SETTINGS, sessionsSettingsFromEnv } from '../sessions.settings';
import { ConfirmLocationController } from './confirm-location/confirm-location.controller';
import { ConfirmLocationHandler } from './confirm-location/confirm-location.handler';
import { KeepConsentsFromComplianceEvents } from './consent-gate/keep-consents-from-compliance-events.consumer';
import { TelehealthConsents } from './infrastructure/telehealth-consents.projection';
import { KeepSessionsInStepWithAppointments } from './follow-appointment/keep-sessions-in-step-with-appointments.consumer';
import { createJoinLinkSealer, JOIN_LINK_SEALER } from './infrastructure/join-link.sealer';
import { JoinLinkSigner } from './infrastructure/join-link.signer';
import { JoinLinksController } from './join-links/join-links.controller';
import { JoinLinksHandler } from './join-links/join-links.handler';
import { JoinVisitController } from './join-links/join-visit.controller';
import { JoinVisitHandler } from './join-links/join-visit.handler';
import { LinkDevices } from './infrastructure/link-devices.projection';
import { LinksToSend } from './follow-appointment/links-to-send';
import { RunVisitController } from './run-visit/run-visit.controller';
import { RunVisitHandler } from './run-visit/run-visit.handler';
import { ReadSessionController } from './fhir/read-session.controller';
import { ReadSessionQuery } from './fhir/read-session.query';
import { SessionLists } from './fhir/session-lists.query';
import { OpenIssues } from './troubleshooting/open-issues.query';
import { VisitsAtRisk } from '../platform-status/visits-at-risk.query';
import { ClinicNames } from './infrastructure/clinic-names.projection';
import { ProviderQualifications } from './infrastructure/provider-qualifications.projection';
import { KeepCredentialsFromTrainingEvents } from './provider-qualifications/keep-credentials-from-training-events.consumer';
import { KeepLicencesAndClinicNamesFromDirectoryRecords } from './provider-qualifications/keep-licences-and-clinic-names-from-directory-records.consumer';
import { SessionListsController } from './fhir/session-lists.controller';
import { InVisitController } from './in-visit/in-visit.controller';
import { InVisitHandler } from './in-visit/in-visit.handler';
import { SubmitSurveyHandler } from './survey/submit-survey.handler';
import { SurveyController } from './survey/survey.controller';
import { IssueQueue } from './infrastructure/issue-queue.projection';
import { TroubleshootingController } from './troubleshooting/troubleshooting.controller';
import { TroubleshootingHandler } from './troubleshooting/troubleshooting.handler';
import { createTextSealer, TEXT_SEALER } from './infrastructure/text-sealer';
import { SessionProviderCare } from './provider-care';
import { SessionRepository } from './infrastructure/session.repository';
import { SessionViews } from './infrastructure/session-views.projection';
import { GiveConsentAtJoinHandler } from './give-consent-at-join/give-consent-at-join.handler';
import { VisitConsentController } from './give-consent-at-join/visit-consent.controller';
import { SignedRoomVideoPlatform } from './infrastructure/signed-room.video-platform';
import { VIDEO_PLATFORM } from './infrastructure/video-platform.port';
import { LinkHolderInVisitController } from './in-visit/link-holder-in-visit.controller';
import { LinkHolderSurveyController } from './survey/link-holder-survey.controller';
import { LinkHolderTroubleshootingController } from './troubleshooting/link-holder-troubleshooting.controller';
import { VisitPageController } from './visit-page/visit-page.controller';
import { VisitQuery } from './visit-page/visit.query';
import { VisitStatusQuery } from './visit-page/visit-status.query';
import { VisitStatusStream } from './visit-page/visit-status.stream';
import { TodayBoardController } from './today/today-board.controller';
import { TodayBoard } from './today/today-board.query';
import { TodayBoardStream } from './today/today-board.stream';
import { WaitingRoomController } from './waiting-room/waiting-room.controller';
import { WaitingRoom } from './waiting-room.query';

const httpControllers = [
  JoinLinksController,
  JoinVisitController,
  WaitingRoomController,
  RunVisitController,
  ConfirmLocationController,
  InVisitController,
  ReadSessionController,
  SessionListsController,
  TroubleshootingController,
  SurveyController,
  PlatformStatusController,
  TodayBoardController,
  VisitPageController,
  LinkHolderTroubleshootingController,
  LinkHolderInVisitController,
  LinkHolderSurveyController,
  VisitConsentController,
];

const commandHandlers = [
  JoinLinksHandler,
  JoinVisitHandler,
  RunVisitHandler,
  ConfirmLocationHandler,
  InVisitHandler,
  TroubleshootingHandler,
  SubmitSurveyHandler,
  GiveConsentAtJoinHandler,
];

const queries = [
  ReadSessionQuery,
  SessionLists,
  OpenIssues,
  VisitsAtRisk,
  WaitingRoom,
  TelehealthConsents,
  ProviderQualifications,
  ClinicNames,
  IssueQueue,
  SessionProviderCare,
  VisitQuery,
  VisitStatusQuery,
  VisitStatusStream,
  TodayBoard,
  TodayBoardStream,
];

const platformMonitoring = [PlatformMonitor, PlatformMonitorStore];

const messageConsumers = [
  KeepSessionsInStepWithAppointments,
  KeepConsentsFromComplianceEvents,
  KeepLicencesAndClinicNamesFromDirectoryRecords,
  KeepCredentialsFromTrainingEvents,
];

const infrastructure = [
  SessionRepository,
  SessionViews,
  JoinLinkSigner,
  LinksToSend,
  LinkDevices,
  { provide: TEXT_SEALER, inject: [getConnectionToken()], useFactory: createTextSealer },
  { provide: JOIN_LINK_SEALER, inject: [getConnectionToken()], useFactory: createJoinLinkSealer },
  { provide: SESSIONS_SETTINGS, useFactory: () => sessionsSettingsFromEnv() },
  // The built-in adapter; a vendor adapter (Zoom for Healthcare, Doxy.me) replaces it here.
  { provide: VIDEO_PLATFORM, useClass: SignedRoomVideoPlatform },
];

/**
 * Virtual visits: a session per appointment, join links, waiting room, participants, quality,
 * technical issues, surveys. Needs PlatformModule, KafkaModule and SessionsClockModule beside it.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule],
  controllers: httpControllers,
  providers: [
    ...commandHandlers,
    ...queries,
    ...platformMonitoring,
    ...messageConsumers,
    ...infrastructure,
  ],
})
export class VisitsModule {}
