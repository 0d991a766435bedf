type Update = { readonly [operator: `$${string}`]: Record<string, unknown> };
type Data = Readonly<Record<string, unknown>>;

/** Where a delivery fact goes: its message, and the visit the message is about (if any). */
export interface MessageEffects {
  readonly messageId: string;
  readonly message: Update;
  /**
   * On the visit: that the message exists (so the message follows the visit's clinic once the
   * visit is known), and for a reminder, whether it reached someone on a channel.
   */
  readonly visit?: { readonly appointmentId: string; readonly update: Update };
}

const OUTCOME = {
  NotificationSent: { mark: 'sent', at: 'sentAt' },
  NotificationFailed: { mark: 'failed', at: 'failedAt' },
  NotificationBounced: { mark: 'bounced', at: 'bouncedAt' },
} as const;

/**
 * The facts one `thc.notifications` delivery event adds, as MongoDB updates. Pure, and every
 * update is a `$set` of the event's own outcome on its channel, a `$min` of the first outcome
 * time or an `$addToSet`, so the events of a message converge in any order and a redelivery
 * changes nothing. Only ids, the kind, the channel and the failure reason are kept: never the
 * recipient, the patient, the server's answer or the content. Other events give undefined.
 */
export function messageEffectsOf(type: string, data: Data): MessageEffects | undefined {
  const [, context, name] = type.split('.');
  if (context !== 'notifications' || !name || !(name in OUTCOME)) return undefined;
  const { mark, at } = OUTCOME[name as keyof typeof OUTCOME];
  const messageId = String(data['messageId']);
  const kind = String(data['kind']);
  const channel = typeof data['channel'] === 'string' ? data['channel'] : 'none';
  const appointmentId =
    typeof data['appointmentId'] === 'string' ? data['appointmentId'] : undefined;
  const message: Update = {
    $set: {
      kind,
      ...(appointmentId ? { appointmentId } : {}),
      [`channels.${channel}.${mark}`]: mark === 'failed' ? String(data['reason']) : true,
    },
    $min: { firstOutcomeAt: new Date(String(data[at])) },
  };
  if (!appointmentId) return { messageId, message };
  const visit: Update =
    kind === 'reminder' && mark !== 'failed'
      ? {
          $addToSet: { messageIds: messageId },
          $set: { [`reminders.${messageId}.${channel}.${mark}`]: true },
        }
      : { $addToSet: { messageIds: messageId } };
  return { messageId, message, visit: { appointmentId, update: visit } };
}
