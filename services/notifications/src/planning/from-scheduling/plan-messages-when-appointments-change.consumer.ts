import { Injectable, Logger } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { EventRoutes } from '@thc/messaging';
import { MessageQueue } from '../../delivery/infrastructure/message-queue.projection';
import { planBookingCancelled } from '../domain/booking-cancelled.planner';
import { planBookingChanged } from '../domain/booking-changed.planner';
import { planBookingConfirmation } from '../domain/booking-confirmation.planner';
import { PLANNING_EVENT as E } from '../domain/planning-events';
import { planReminder } from '../domain/reminder.planner';
import { planWaitlistOffer } from '../domain/waitlist-offer.planner';
import { knownAppointmentOf, visitFactsOf } from '../infrastructure/visit-status.document';
import { VisitStatusProjection } from '../infrastructure/visit-status.projection';
import { PlanningConsumerHost } from '../planning-consumer.host';

/**
 * Scheduling's events become messages and keep the visit status current: a booking is confirmed,
 * a move and a cancellation announced (with the calendar entry replaced or withdrawn), a due
 * reminder and a waitlist offer sent on; completed and no-show settle the visit. Idempotent: the
 * message ids derive from the event, the queue keeps one per id, and every view write is
 * guarded.
 */
@Injectable()
export class PlanMessagesWhenAppointmentsChange extends PlanningConsumerHost {
  protected readonly groupId = 'notifications.scheduling';
  protected readonly topics = [TOPICS.scheduling];
  protected readonly logger = new Logger('PlanFromScheduling');

  protected readonly routes: EventRoutes = {
    [E.booked]: async ({ id: eventId, data }) => {
      await this.visits.booked(data, eventId);
      return this.plan(planBookingConfirmation({ eventId, data }));
    },
    [E.rescheduled]: async (event) => {
      const known = knownAppointmentOf((await this.visits.moved(event.data, event.id)) ?? null);
      if (!known) return this.skip(event, 'a move of a visit not followed, or already superseded');
      return this.plan(planBookingChanged({ eventId: event.id, data: event.data }, known));
    },
    [E.cancelled]: async (event) => {
      const known = knownAppointmentOf((await this.visits.cancelled(event.data, event.id)) ?? null);
      if (!known) return this.skip(event, 'a cancellation of a visit not followed, or settled');
      return this.plan(planBookingCancelled({ eventId: event.id, data: event.data }, known));
    },
    [E.completed]: ({ data }) =>
      this.visits.settled(data.appointmentId, 'completed', data.sessionId),
    [E.noShow]: ({ data }) => this.visits.settled(data.appointmentId, 'no-show', data.sessionId),
    [E.reminderDue]: async ({ id: eventId, data }) => {
      const visit = visitFactsOf(await this.visits.find(data.appointmentId));
      return this.plan(planReminder({ eventId, data }, visit));
    },
    [E.slotOffered]: ({ id: eventId, data }) => this.plan(planWaitlistOffer({ eventId, data })),
  };

  constructor(
    private readonly visits: VisitStatusProjection,
    queue: MessageQueue,
  ) {
    super(queue);
  }
}
