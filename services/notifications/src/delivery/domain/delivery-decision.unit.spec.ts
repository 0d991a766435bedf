import type { ContactLookup, ContactPoints } from '../../contacts/contact-points';
import { decideDelivery, DeliveryFacts } from './delivery-decision';
import type { PlannedMessage } from './planned-message';

const start = '2026-03-10T14:00:00Z';
const reminder: PlannedMessage = {
  messageId: '0f6b8d1a-3c5e-4f9b-8d2f-7a9c2e4b6d09',
  kind: 'reminder',
  recipientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  recipientRole: 'patient',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  triggerEventId: '5a7c9e2b-3f6d-4d8e-9e2a-6c8e2a4d5e20',
  appointmentId: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
  sendAt: '2026-03-09T14:00:00Z',
  deadline: start,
  visit: {
    appointmentId: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
    start,
    end: '2026-03-10T14:30:00Z',
    timeZone: 'America/New_York',
    visitType: 'video',
  },
};
const person: ContactPoints = {
  personId: reminder.recipientId,
  patientId: reminder.patientId,
  email: 'ana@example.org',
  mobile: '+12025550123',
  language: 'es-MX',
  timeZone: 'America/Chicago',
  quietHours: { start: '21:00', end: '08:00' },
  consent: { byEmail: true, bySms: true },
  optedOut: { email: false, sms: false },
};
const found = (changes: Partial<ContactPoints> = {}): ContactLookup => ({
  found: true,
  contact: { ...person, ...changes },
});
const facts = (changes: Partial<DeliveryFacts> = {}): DeliveryFacts => ({
  message: reminder,
  contact: found(),
  visit: { appointmentId: reminder.appointmentId!, start, status: 'booked' },
  smsConfigured: true,
  // 10:00 in Chicago: outside quiet hours.
  now: new Date('2026-03-09T15:00:00Z'),
  ...changes,
});

describe('deciding what to do with a due message', () => {
  it('sends on every channel the person agreed to, in their language and zone', () => {
    expect(decideDelivery(facts())).toEqual({
      kind: 'send',
      targets: [
        { channel: 'email', to: 'ana@example.org' },
        { channel: 'sms', to: '+12025550123' },
      ],
      skipped: [],
      language: 'es',
      timeZone: 'America/Chicago',
    });
  });

  it('gives up on a reminder for a visit moved or cancelled since it was planned', () => {
    const moved = decideDelivery(
      facts({
        visit: {
          appointmentId: reminder.appointmentId!,
          start: '2026-03-11T14:00:00Z',
          status: 'booked',
        },
      }),
    );
    expect(moved).toMatchObject({
      kind: 'give-up',
      skipped: [{ reason: 'superseded', detail: 'the visit was moved' }],
    });
    const cancelled = decideDelivery(
      facts({ visit: { appointmentId: reminder.appointmentId!, start, status: 'cancelled' } }),
    );
    expect(cancelled).toMatchObject({ kind: 'give-up', skipped: [{ reason: 'superseded' }] });
  });

  it('waits for the end of quiet hours, or gives up when they last past the visit', () => {
    // 23:00 in Chicago.
    const night = new Date('2026-03-10T04:00:00Z');
    expect(decideDelivery(facts({ now: night }))).toEqual({
      kind: 'wait',
      until: new Date('2026-03-10T13:00:00Z'),
    });
    const late = { ...reminder, deadline: '2026-03-10T09:00:00Z' };
    expect(decideDelivery(facts({ now: night, message: late }))).toMatchObject({
      kind: 'give-up',
      skipped: [{ reason: 'quiet-hours' }],
    });
    expect(
      decideDelivery(facts({ now: night, message: { ...reminder, urgent: true } })),
    ).toMatchObject({ kind: 'send' });
  });

  it('skips an opted-out or unconsented channel with its reason, and SMS without a gateway', () => {
    const decision = decideDelivery(
      facts({ contact: found({ optedOut: { email: false, sms: true } }), smsConfigured: true }),
    );
    expect(decision).toMatchObject({
      kind: 'send',
      targets: [{ channel: 'email' }],
      skipped: [{ channel: 'sms', reason: 'opted-out' }],
    });
    expect(
      decideDelivery(
        facts({
          contact: found({ consent: { byEmail: false, bySms: true } }),
          smsConfigured: false,
        }),
      ),
    ).toEqual({
      kind: 'give-up',
      skipped: [
        { channel: 'email', reason: 'no-consent', detail: 'no consent to email' },
        {
          channel: 'sms',
          reason: 'channel-not-configured',
          detail: 'no SMS gateway is configured',
        },
      ],
    });
  });

  it('reaches a person with no contact points at the contact given at booking, else says why not', () => {
    const none: ContactLookup = { found: false, reason: 'none', language: 'es' };
    expect(
      decideDelivery(
        facts({ contact: none, fallback: { channel: 'email', address: 'b@example.org' } }),
      ),
    ).toEqual({
      kind: 'send',
      targets: [{ channel: 'email', to: 'b@example.org' }],
      skipped: [],
      language: 'es',
      timeZone: 'America/New_York',
    });
    expect(decideDelivery(facts({ contact: none }))).toMatchObject({
      kind: 'give-up',
      skipped: [{ reason: 'no-contact-point' }],
    });
    expect(decideDelivery(facts({ contact: { found: false, reason: 'erased' } }))).toMatchObject({
      kind: 'give-up',
      skipped: [{ reason: 'erased' }],
    });
  });

  it('gives up on a message past its point', () => {
    expect(decideDelivery(facts({ now: new Date('2026-03-10T14:00:01Z') }))).toMatchObject({
      kind: 'give-up',
      skipped: [{ reason: 'expired' }],
    });
  });
});
