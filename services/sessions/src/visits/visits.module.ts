import { Module } from '@nestjs/common';
import { EventStoreModule } from '@thc/event-store';
import { PhiAccessModule } from '@thc/service-runtime';
import { AppointmentEventsConsumer } from './follow-appointment/appointment-events.consumer';
import { SessionRepository } from './shared/session.repository';
import { SessionViews } from './shared/session-views.store';

const httpControllers: never[] = [];

const messageConsumers = [AppointmentEventsConsumer];

const infrastructure = [SessionRepository, SessionViews];

/**
 * Virtual visits: a session per appointment, join links, waiting room, participants, quality,
 * technical issues, surveys. Needs PlatformModule, KafkaModule and SessionsClockModule beside it.
 */
@Module({
  imports: [EventStoreModule, PhiAccessModule],
  controllers: httpControllers,
  providers: [...messageConsumers, ...infrastructure],
})
export class VisitsModule {}
