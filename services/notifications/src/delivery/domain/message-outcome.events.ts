import type {
  NotificationBouncedV1,
  NotificationFailedV1,
  NotificationSentV1,
} from '@thc/contracts';

export const OUTCOME_EVENT = {
  sent: 'thc.notifications.NotificationSent.v1',
  failed: 'thc.notifications.NotificationFailed.v1',
  bounced: 'thc.notifications.NotificationBounced.v1',
} as const;

export type MessageOutcomeEvent =
  | { readonly type: typeof OUTCOME_EVENT.sent; readonly data: NotificationSentV1 }
  | { readonly type: typeof OUTCOME_EVENT.failed; readonly data: NotificationFailedV1 }
  | { readonly type: typeof OUTCOME_EVENT.bounced; readonly data: NotificationBouncedV1 };

export type FailureReason = NotificationFailedV1['reason'];

/** `notification-<messageId>`: one message's outcomes. */
export const messageStreamId = (messageId: string): string => `notification-${messageId}`;
