import { latestSendTime, NEWS_LATENESS_MS } from './latest-send-time';
import type { PlannedMessage } from './planned-message';

const message = (changes: Partial<PlannedMessage>): PlannedMessage => ({
  messageId: '0f6b8d1a-3c5e-4f9b-8d2f-7a9c2e4b6d09',
  kind: 'reminder',
  recipientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  recipientRole: 'patient',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  triggerEventId: '5a7c9e2b-3f6d-4d8e-9e2a-6c8e2a4d5e20',
  sendAt: '2026-03-01T10:00:00Z',
  ...changes,
});

describe('the last moment a message is worth sending', () => {
  it('is the deadline of a reminder, however long before it the reminder fell due', () => {
    const deadline = '2026-03-09T10:00:00Z';
    expect(latestSendTime(message({ deadline }))).toBe(Date.parse(deadline));
  });

  it('is a day after news fell due, or its deadline when that comes first', () => {
    const sendAt = '2026-03-01T10:00:00Z';
    expect(
      latestSendTime(
        message({ kind: 'booking-confirmation', sendAt, deadline: '2026-04-01T00:00:00Z' }),
      ),
    ).toBe(Date.parse(sendAt) + NEWS_LATENESS_MS);
    expect(
      latestSendTime(
        message({ kind: 'booking-cancelled', sendAt, deadline: '2026-03-01T12:00:00Z' }),
      ),
    ).toBe(Date.parse('2026-03-01T12:00:00Z'));
    expect(latestSendTime(message({ kind: 'survey-invitation', sendAt }))).toBe(
      Date.parse(sendAt) + NEWS_LATENESS_MS,
    );
  });

  it('has no end for a message without a deadline that is not news', () => {
    expect(latestSendTime(message({ kind: 'waitlist-offer' }))).toBe(Infinity);
  });
});
