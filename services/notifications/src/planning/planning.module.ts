import { Module } from '@nestjs/common';
import { VISIT_STATUS } from '../delivery/domain/visit-status';
import { MessageQueueStore } from '../delivery/infrastructure/message-queue.store';
import { PlanMessagesFromSchedulingEventsConsumer } from './from-scheduling/plan-messages-from-scheduling-events.consumer';
import { PlanMessagesFromSessionsEventsConsumer } from './from-sessions/plan-messages-from-sessions-events.consumer';
import { SessionAppointments } from './visit-status/session-appointments.store';
import { VisitStatusStore } from './visit-status/visit-status.store';

const messageConsumers = [
  PlanMessagesFromSchedulingEventsConsumer,
  PlanMessagesFromSessionsEventsConsumer,
];
const stores = [MessageQueueStore, VisitStatusStore, SessionAppointments];

/**
 * Planning: scheduling and sessions events become messages in the work list, and the visit
 * status the dispatcher checks each message against before sending it.
 */
@Module({
  providers: [
    ...stores,
    ...messageConsumers,
    { provide: VISIT_STATUS, useExisting: VisitStatusStore },
  ],
  exports: [VISIT_STATUS, MessageQueueStore, VisitStatusStore],
})
export class PlanningModule {}
