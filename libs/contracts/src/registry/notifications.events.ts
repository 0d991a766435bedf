import type { ContextRegistry } from './event-definition';
import { channelOptedOutV1 } from './notifications/channel-opted-out.event';
import { contactPreferencesRecordedV1 } from './notifications/contact-preferences-recorded.event';
import { notificationBouncedV1 } from './notifications/notification-bounced.event';
import { notificationFailedV1 } from './notifications/notification-failed.event';
import { notificationSentV1 } from './notifications/notification-sent.event';
import { TOPICS } from './topics';

/** What the notifications service publishes on `thc.notifications.v1`. */
export const notificationsRegistry = {
  context: 'notifications',
  topic: TOPICS.notifications,
  producer: { service: 'notifications', source: '/thc/notifications' },
  description:
    'Reaching people: contact points and preferences, opt-outs, and what became of every message (sent, failed with the reason, bounced), by ids only.',
  streams: {
    contactPreferences: {
      prefix: 'contact-preferences',
      idField: 'personId',
      description: "One person's contact points, language, quiet hours and consents.",
    },
    notification: {
      prefix: 'notification',
      idField: 'messageId',
      description: 'One message to one person: its one outcome, then any bounce.',
    },
  },
  events: [
    contactPreferencesRecordedV1,
    channelOptedOutV1,
    notificationSentV1,
    notificationFailedV1,
    notificationBouncedV1,
  ],
  upcasters: [],
} as const satisfies ContextRegistry<'notifications'>;
