import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { SESSIONS_SETTINGS, sessionsSettingsFromEnv } from '../sessions.settings';
import { ConsentEventsConsumer } from './consent-gate/consent-events.consumer';
import { TelehealthConsents } from './consent-gate/telehealth-consents.read-model';
import { AppointmentEventsConsumer } from './follow-appointment/appointment-events.consumer';
import { JoinLinkSigner } from './join-links/join-link.signer';
import { JoinLinksController } from './join-links/join-links.controller';
import { JoinLinksHandler } from './join-links/join-links.handler';
import { JoinVisitController } from './join-links/join-visit.controller';
import { JoinVisitHandler } from './join-links/join-visit.handler';
import { RunVisitController } from './run-visit/run-visit.controller';
import { RunVisitHandler } from './run-visit/run-visit.handler';
import { SessionRepository } from './shared/session.repository';
import { SessionViews } from './shared/session-views.store';
import { SignedRoomVideoPlatform } from './video/signed-room.video-platform';
import { VIDEO_PLATFORM } from './video/video-platform.port';
import { WaitingRoomController } from './waiting-room/waiting-room.controller';
import { WaitingRoom } from './waiting-room/waiting-room.query';

const httpControllers = [
  JoinLinksController,
  JoinVisitController,
  WaitingRoomController,
  RunVisitController,
];

const commandHandlers = [JoinLinksHandler, JoinVisitHandler, RunVisitHandler];

const queries = [WaitingRoom, TelehealthConsents];

const messageConsumers = [AppointmentEventsConsumer, ConsentEventsConsumer];

const infrastructure = [
  SessionRepository,
  SessionViews,
  JoinLinkSigner,
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
  providers: [...commandHandlers, ...queries, ...messageConsumers, ...infrastructure],
})
export class VisitsModule {}
