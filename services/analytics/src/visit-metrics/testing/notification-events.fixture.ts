import { eventDefinition } from '@thc/contracts';
import { DateTime } from 'luxon';
import { FixtureEvent, random } from './visit-events.fixture';

const SENT = 'thc.notifications.NotificationSent.v1';
const FAILED = 'thc.notifications.NotificationFailed.v1';
const BOUNCED = 'thc.notifications.NotificationBounced.v1';

/**
 * What the notifications service would publish for a program's visits (programEvents): a
 * booking confirmation and, for most visits, a reminder a day before, with every kind of
 * outcome (sent by e-mail, sent then bounced, bounced at once, no SMS gateway beside a sent
 * e-mail, no consent, opted out of SMS); plus waitlist offers about no visit and a join link
 * about a visit analytics never heard of. Shaped like the contract examples, so they pass
 * schema validation. Deterministic for a seed.
 */
export function notificationEvents(program: readonly FixtureEvent[], seed: number): FixtureEvent[] {
  // Another stream than programEvents' for the same seed, or the ids would repeat theirs.
  const next = random(seed * 7919 + 104_729);
  const id = () =>
    Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16))
      .join('')
      .replace(/^(.{8})(.{4}).(.{3}).(.{3})(.{12})$/, '$1-$2-4$3-a$4-$5');
  const events: FixtureEvent[] = [];
  const iso = (at: DateTime) => at.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
  const outcome = (
    type: string,
    at: DateTime,
    message: Record<string, unknown>,
    data: Record<string, unknown>,
  ) => {
    const example = { ...(eventDefinition(type)?.example as Record<string, unknown>) };
    // The examples' optional facts are given per message here, or left out.
    delete example['appointmentId'];
    delete example['channel'];
    const field = type === SENT ? 'sentAt' : type === FAILED ? 'failedAt' : 'bouncedAt';
    events.push({
      id: id(),
      type,
      time: iso(at),
      data: { ...example, ...message, ...data, [field]: iso(at) },
    });
  };
  const sent = (at: DateTime, message: Record<string, unknown>, channel: string) =>
    outcome(SENT, at, message, { channel, attempt: 1, providerMessageId: `<${id()}@thc.local>` });
  const failed = (
    at: DateTime,
    message: Record<string, unknown>,
    reason: string,
    channel?: string,
  ) => outcome(FAILED, at, message, { reason, attempts: 0, ...(channel ? { channel } : {}) });
  const bounced = (at: DateTime, message: Record<string, unknown>, channel: string) =>
    outcome(BOUNCED, at, message, { channel, detail: '550 5.1.1 mailbox unavailable' });

  for (const booking of program.filter((e) => e.type.includes('.AppointmentBooked.'))) {
    const { appointmentId, patientId } = booking.data as Record<string, string>;
    const about = (kind: string) => ({
      messageId: id(),
      recipientId: patientId,
      patientId,
      recipientRole: 'patient',
      kind,
      appointmentId,
      triggerEventId: booking.id,
    });
    const bookedAt = DateTime.fromISO(String(booking.data['bookedAt']));
    const confirmation = about('booking-confirmation');
    if (next() < 0.9) sent(bookedAt.plus({ seconds: 5 }), confirmation, 'email');
    else failed(bookedAt.plus({ seconds: 5 }), confirmation, 'no-contact-point');

    const dueAt = DateTime.fromISO(String(booking.data['start'])).minus({ days: 1 });
    const reminder = about('reminder');
    const fate = next();
    if (fate < 0.45) sent(dueAt, reminder, 'email');
    else if (fate < 0.55) {
      sent(dueAt, reminder, 'email');
      bounced(dueAt.plus({ minutes: 2 }), reminder, 'email');
    } else if (fate < 0.6) bounced(dueAt, reminder, 'email');
    else if (fate < 0.7) {
      failed(dueAt, reminder, 'channel-not-configured', 'sms');
      sent(dueAt, reminder, 'email');
    } else if (fate < 0.8) failed(dueAt, reminder, 'no-consent');
    else if (fate < 0.85) failed(dueAt, reminder, 'opted-out', 'sms');
    // Otherwise no reminder at all (booked too late for one).
  }

  const first = program[0] ? DateTime.fromISO(program[0].time) : DateTime.utc(2026, 3, 1);
  for (let n = 0; n < 3; n += 1) {
    const offer = {
      messageId: id(),
      recipientId: id(),
      patientId: id(),
      recipientRole: 'patient',
      kind: 'waitlist-offer',
      triggerEventId: id(),
    };
    sent(first.plus({ days: 30 + n }), offer, 'sms');
  }
  const stranger = id();
  sent(
    first.plus({ days: 31 }),
    {
      messageId: id(),
      recipientId: stranger,
      patientId: stranger,
      recipientRole: 'patient',
      kind: 'join-link',
      appointmentId: id(),
      triggerEventId: id(),
    },
    'email',
  );
  return events;
}
