import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { PlatformMonitor } from '../platform-status/platform-monitor';
import { PlatformMonitorStore } from '../platform-status/platform-monitor.store';
import { PlatformStatusController } from '../platform-status/platform-status.controller';
import { SESSIONS_SETTINGS, sessionsSettingsFromEnv } from '../sessions.settings';
import { ConfirmLocationController } from './confirm-location/confirm-location.controller';
import { ConfirmLocationHandler } from './confirm-location/confirm-location.handler';
import { ConsentEventsConsumer } from './consent-gate/consent-events.consumer';
import { TelehealthConsents } from './consent-gate/telehealth-consents.read-model';
import { AppointmentEventsConsumer } from './follow-appointment/appointment-events.consumer';
import { createJoinLinkSealer, JOIN_LINK_SEALER } from './join-links/join-link.sealer';
import { JoinLinkSigner } from './join-links/join-link.signer';
import { JoinLinksController } from './join-links/join-links.controller';
import { JoinLinksHandler } from './join-links/join-links.handler';
import { JoinVisitController } from './join-links/join-visit.controller';
import { JoinVisitHandler } from './join-links/join-visit.handler';
import { LinkDevices } from './join-links/link-devices.store';
import { LinksToSend } from './join-links/links-to-send';
import { RunVisitController } from './run-visit/run-visit.controller';
import { RunVisitHandler } from './run-visit/run-visit.handler';
import { ReadSessionController } from './fhir/read-session.controller';
import { ClinicNames } from './provider-qualifications/clinic-names.read-model';
import { ProviderQualifications } from './provider-qualifications/provider-qualifications.read-model';
import { StaffCredentialsConsumer } from './provider-qualifications/staff-credentials.consumer';
import { StaffDirectoryConsumer } from './provider-qualifications/staff-directory.consumer';
import { SessionListsController } from './fhir/session-lists.controller';
import { InVisitController } from './in-visit/in-visit.controller';
import { InVisitHandler } from './in-visit/in-visit.handler';
import { SubmitSurveyHandler } from './survey/submit-survey.handler';
import { SurveyController } from './survey/survey.controller';
import { IssueQueue } from './troubleshooting/issue-queue.projection';
import { TroubleshootingController } from './troubleshooting/troubleshooting.controller';
import { TroubleshootingHandler } from './troubleshooting/troubleshooting.handler';
import { createTextSealer, TEXT_SEALER } from './shared/text-sealer';
import { ProviderCare } from './shared/provider-care';
import { SessionRepository } from './shared/session.repository';
import { SessionViews } from './shared/session-views.store';
import { GiveConsentAtJoinHandler } from './visit-page/consent/give-consent-at-join.handler';
import { VisitConsentController } from './visit-page/consent/visit-consent.controller';
import { SignedRoomVideoPlatform } from './video/signed-room.video-platform';
import { VIDEO_PLATFORM } from './video/video-platform.port';
import { VisitActionsController } from './visit-page/visit-actions.controller';
import { VisitPageController } from './visit-page/visit-page.controller';
import { VisitQuery } from './visit-page/visit.query';
import { VisitStatusQuery } from './visit-page/visit-status.query';
import { VisitStatusStream } from './visit-page/visit-status.stream';
import { TodayBoardController } from './today/today-board.controller';
import { TodayBoard } from './today/today-board.query';
import { TodayBoardStream } from './today/today-board.stream';
import { WaitingRoomController } from './waiting-room/waiting-room.controller';
import { WaitingRoom } from './waiting-room/waiting-room.query';

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
  VisitActionsController,
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
  WaitingRoom,
  TelehealthConsents,
  ProviderQualifications,
  ClinicNames,
  IssueQueue,
  ProviderCare,
  VisitQuery,
  VisitStatusQuery,
  VisitStatusStream,
  TodayBoard,
  TodayBoardStream,
];

const platformMonitoring = [PlatformMonitor, PlatformMonitorStore];

const messageConsumers = [
  AppointmentEventsConsumer,
  ConsentEventsConsumer,
  StaffDirectoryConsumer,
  StaffCredentialsConsumer,
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
