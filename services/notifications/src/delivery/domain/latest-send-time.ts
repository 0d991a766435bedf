import type { MessageKind, PlannedMessage } from './planned-message';

/** News of a booking, or the invitation to a survey, helps a day late; weeks late it confuses. */
const NEWS: readonly MessageKind[] = [
  'booking-confirmation',
  'booking-changed',
  'booking-cancelled',
  'survey-invitation',
];
export const NEWS_LATENESS_MS = 24 * 3600_000;

/**
 * The last moment a message is still worth sending: its own deadline (the visit's start, the
 * offer's expiry), and for news a day after it was due. A service started on years of events, or
 * back from an outage, so plans and sends nothing that has lost its point.
 */
export function latestSendTime(message: PlannedMessage): number {
  const deadline = message.deadline ? Date.parse(message.deadline) : Infinity;
  const news = NEWS.includes(message.kind)
    ? Date.parse(message.sendAt) + NEWS_LATENESS_MS
    : Infinity;
  return Math.min(deadline, news);
}
