import { validateEvent } from '@thc/contracts';
import { VisitEvents } from '../testing/visit-events.fixture';
import { messageIdOf } from './addressed-message';
import { PLANNING_EVENT } from './planning-events';
import { planWaitlistOffer } from './waitlist-offer.planner';

describe('planning a waitlist offer', () => {
  const visit = new VisitEvents('2026-03-12T19:00:00.000Z');
  const data = visit.slotOffered('2026-03-12T13:40:02Z');
  const eventId = 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b';

  it('uses an offer that holds to its contract', () =>
    expect(validateEvent(PLANNING_EVENT.slotOffered, data)).toBeUndefined());

  it('offers the slot to the patient at once, while the offer holds', () =>
    expect(planWaitlistOffer({ eventId, data })).toEqual([
      {
        messageId: messageIdOf(eventId, visit.patientId, 'waitlist-offer'),
        kind: 'waitlist-offer',
        recipientId: visit.patientId,
        recipientRole: 'patient',
        patientId: visit.patientId,
        triggerEventId: eventId,
        sendAt: '2026-03-12T13:40:02.000Z',
        deadline: '2026-03-12T14:40:02.000Z',
        urgent: false,
        offer: {
          start: visit.start,
          end: visit.end,
          timeZone: 'America/New_York',
          expiresAt: '2026-03-12T14:40:02.000Z',
        },
      },
    ]));
});
