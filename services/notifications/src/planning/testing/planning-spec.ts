import { VISIT_STATUS, VisitStatusReader } from '../../delivery/domain/visit-status';
import {
  MessageQueue,
  QueuedMessage,
} from '../../delivery/infrastructure/message-queue.projection';
import { notificationsSpecApp } from '../../testing/notifications-spec-app';
import { VisitStatusProjection } from '../infrastructure/visit-status.projection';
import { PlanningModule } from '../planning.module';
import { PublishedEvents } from './published-events';
import type { TestNamespace } from '@thc/testing';

export const within = { timeoutMs: 40_000, intervalMs: 250 };
export const DAY = 86_400_000;

/** A whole minute `days` from now. */
export const inDays = (days: number) =>
  new Date(Math.floor(Date.now() / 60_000) * 60_000 + days * DAY);

/**
 * The planning part started for one spec file (join links 20 minutes ahead, "running late"
 * after 7), the events it publishes as the producing services would, and what it reads back:
 * the queue and the visit status.
 */
export function planningSpec(ns: TestNamespace) {
  const started = notificationsSpecApp(ns, [PlanningModule], {
    env: () => ({
      NOTIFICATIONS_JOIN_LINK_LEAD_MINUTES: '20',
      NOTIFICATIONS_RUNNING_LATE_MINUTES: '7',
    }),
  });
  const producer = ns.kafka().producer();
  const events = new PublishedEvents(producer, (topic) => ns.topic(topic));

  beforeAll(async () => {
    await producer.connect();
    started.stopFirst(() => producer.disconnect());
  });

  const queue = () => started.app.get(MessageQueue).collection;
  return {
    started,
    events,
    queued: (id: string) => queue().findOne({ _id: id }),
    plannedFrom: (eventId: string): Promise<QueuedMessage[]> =>
      queue().find({ 'message.triggerEventId': eventId }).toArray(),
    view: (appointmentId: string) => started.app.get(VisitStatusProjection).find(appointmentId),
    statusOf: (appointmentId: string) =>
      started.app.get<VisitStatusReader>(VISIT_STATUS).statusOf(appointmentId),
  };
}
