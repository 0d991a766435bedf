import { Injectable, Logger } from '@nestjs/common';
import { EventDataOf, TOPICS } from '@thc/contracts';
import { ConsumedEvent } from '@thc/messaging';
import { MessageQueue } from '../../delivery/infrastructure/message-queue.projection';
import { planBookingCancelled } from '../domain/booking-cancelled.planner';
import { planBookingChanged } from '../domain/booking-changed.planner';
import { planBookingConfirmation } from '../domain/booking-confirmation.planner';
import { PLANNING_EVENT as E } from '../domain/planning-events';
import { PlanningConsumerHost } from '../planning-consumer.host';
import { planReminder } from '../domain/reminder.planner';
import { planWaitlistOffer } from '../domain/waitlist-offer.planner';
import { knownAppointmentOf, visitFactsOf } from '../infrastructure/visit-status.document';
import { VisitStatusProjection } from '../infrastructure/visit-status.projection';

const APPLIED = [
  E.booked,
  E.rescheduled,
  E.cancelled,
  E.completed,
  E.noShow,
  E.reminderDue,
  E.slotOffered,
] as const;

/**
 * Scheduling's events become messages and keep the visit status current: a booking is confirmed,
 * a move and a cancellation announced (with the calendar entry replaced or withdrawn), a due
 * reminder and a waitlist offer sent on; completed and no-show settle the visit. Idempotent: the
 * message ids derive from the event, the queue keeps one per id, and every view write is
 * guarded. Other scheduling events are skipped.
 */
@Injectable()
export class PlanMessagesFromSchedulingEventsConsumer extends PlanningConsumerHost {
  protected readonly groupId = 'notifications.scheduling';
  protected readonly topics = [TOPICS.scheduling];
  protected override readonly applies = APPLIED;
  protected readonly logger = new Logger('PlanFromScheduling');

  constructor(
    private readonly visits: VisitStatusProjection,
    queue: MessageQueue,
  ) {
    super(queue);
  }

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    const eventId = event.id;
    switch (event.type) {
      case E.booked: {
        const data = event.data as EventDataOf<typeof E.booked>;
        await this.visits.booked(data, eventId);
        return this.plan(planBookingConfirmation({ eventId, data }));
      }
      case E.rescheduled: {
        const data = event.data as EventDataOf<typeof E.rescheduled>;
        const known = knownAppointmentOf((await this.visits.moved(data, eventId)) ?? null);
        if (!known)
          return this.skip(event, 'a move of a visit not followed, or already superseded');
        return this.plan(planBookingChanged({ eventId, data }, known));
      }
      case E.cancelled: {
        const data = event.data as EventDataOf<typeof E.cancelled>;
        const known = knownAppointmentOf((await this.visits.cancelled(data, eventId)) ?? null);
        if (!known) return this.skip(event, 'a cancellation of a visit not followed, or settled');
        return this.plan(planBookingCancelled({ eventId, data }, known));
      }
      case E.completed:
      case E.noShow: {
        const data = event.data as EventDataOf<typeof E.completed | typeof E.noShow>;
        const status = event.type === E.completed ? 'completed' : 'no-show';
        return this.visits.settled(data.appointmentId, status, data.sessionId);
      }
      case E.reminderDue: {
        const data = event.data as EventDataOf<typeof E.reminderDue>;
        const visit = visitFactsOf(await this.visits.find(data.appointmentId));
        return this.plan(planReminder({ eventId, data }, visit));
      }
      case E.slotOffered:
        return this.plan(
          planWaitlistOffer({ eventId, data: event.data as EventDataOf<typeof E.slotOffered> }),
        );
    }
  };
}
