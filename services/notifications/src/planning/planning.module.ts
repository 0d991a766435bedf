import { Module } from '@nestjs/common';
import { VISIT_STATUS } from '../delivery/domain/visit-status';
import { MessageQueue } from '../delivery/infrastructure/message-queue.projection';
import { PlanMessagesWhenAppointmentsChange } from './from-scheduling/plan-messages-when-appointments-change.consumer';
import { PlanMessagesWhenSessionsProgress } from './from-sessions/plan-messages-when-sessions-progress.consumer';
import { SessionAppointments } from './infrastructure/session-appointments.projection';
import { VisitStatusProjection } from './infrastructure/visit-status.projection';

const messageConsumers = [PlanMessagesWhenAppointmentsChange, PlanMessagesWhenSessionsProgress];
const stores = [MessageQueue, VisitStatusProjection, SessionAppointments];

/**
 * Planning: scheduling and sessions events become messages in the work list, and the visit
 * status the dispatcher checks each message against before sending it.
 */
@Module({
  providers: [
    ...stores,
    ...messageConsumers,
    { provide: VISIT_STATUS, useExisting: VisitStatusProjection },
  ],
  exports: [VISIT_STATUS, MessageQueue, VisitStatusProjection],
})
export class PlanningModule {}
