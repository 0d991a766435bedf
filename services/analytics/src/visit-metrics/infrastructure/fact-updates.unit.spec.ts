import { notificationBouncedV1, notificationFailedV1, notificationSentV1 } from '@thc/contracts';
import { factsOf } from '../domain/facts-of-event';
import { messageUpdate, staffUpdate, visitUpdate } from './fact-updates';

/** A delivery event's updates: of its message, and of the visit it is about (if any). */
function messageEffectsOf(type: string, data: object) {
  const facts = factsOf({ type, data });
  const message = facts.find((f) => f.target === 'message');
  const visit = facts.find((f) => f.target === 'visit');
  if (!message) return undefined;
  return {
    messageId: message.messageId,
    message: messageUpdate(message.fact),
    ...(visit
      ? { visit: { appointmentId: visit.appointmentId, update: visitUpdate(visit.fact) } }
      : {}),
  };
}

describe('what a delivery fact writes', () => {
  it('a reminder sent: its channel’s outcome on the message, and on the visit it is about', () => {
    const effects = messageEffectsOf(notificationSentV1.type, notificationSentV1.example);
    expect(effects).toEqual({
      messageId: notificationSentV1.example.messageId,
      message: {
        $set: {
          kind: 'reminder',
          appointmentId: notificationSentV1.example.appointmentId,
          'channels.email.sent': true,
        },
        $min: { firstOutcomeAt: new Date(notificationSentV1.example.sentAt) },
      },
      visit: {
        appointmentId: notificationSentV1.example.appointmentId,
        update: {
          $addToSet: { messageIds: notificationSentV1.example.messageId },
          $set: { [`reminders.${notificationSentV1.example.messageId}.email.sent`]: true },
        },
      },
    });
  });

  it('a failure keeps its reason code and never the server’s text; one without a channel goes under none', () => {
    const { channel, detail, ...noChannel } = notificationFailedV1.example;
    void [channel, detail];
    const effects = messageEffectsOf(notificationFailedV1.type, noChannel);
    expect(effects?.message['$set']).toEqual({
      kind: 'reminder',
      appointmentId: noChannel.appointmentId,
      'channels.none.failed': 'channel-not-configured',
    });
    expect(
      JSON.stringify(messageEffectsOf(notificationFailedV1.type, notificationFailedV1.example)),
    ).not.toContain('NOTIFICATIONS_SMS_PROVIDER');
    // A failed reminder says nothing about the visit's reminders, only that the message exists.
    expect(effects?.visit?.update).toEqual({ $addToSet: { messageIds: noChannel.messageId } });
  });

  it('a bounce is kept beside the sent mark, so the two arrive in any order', () => {
    const effects = messageEffectsOf(notificationBouncedV1.type, notificationBouncedV1.example);
    expect(effects?.message['$set']).toMatchObject({ 'channels.email.bounced': true });
    expect(JSON.stringify(effects)).not.toContain(notificationBouncedV1.example.patientId);
  });

  it('a message about no visit touches no visit; other events give nothing', () => {
    const { appointmentId, ...about } = notificationSentV1.example;
    void appointmentId;
    expect(
      messageEffectsOf(notificationSentV1.type, { ...about, kind: 'waitlist-offer' })?.visit,
    ).toBeUndefined();
    expect(messageEffectsOf('thc.notifications.ChannelOptedOut.v1', {})).toBeUndefined();
    expect(messageEffectsOf('thc.scheduling.AppointmentBooked.v1', {})).toBeUndefined();
  });

  it('a staff member enrolled is known from then on; a credential’s lapse is kept beside it', () => {
    const enrolledAt = new Date('2026-01-05T09:00:00Z');
    expect(staffUpdate({ kind: 'enrolled', role: 'provider', enrolledAt })).toEqual({
      $set: { role: 'provider' },
      $min: { firstSeenAt: enrolledAt },
    });
    expect(staffUpdate({ kind: 'lapsed', role: 'provider', lapsedAt: enrolledAt })).toEqual({
      $set: { role: 'provider', lapsedAt: enrolledAt },
      $min: { firstSeenAt: enrolledAt },
    });
  });
});
