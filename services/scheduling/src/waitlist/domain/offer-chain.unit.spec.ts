import { freedSlotKey, offerExpiryName, offerName } from './offer-chain';

const appointmentId = '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01';
const slot = { start: '2026-03-12T15:00:00-04:00' };

describe('offer chain names', () => {
  it('name one freed slot by its appointment and instant, whatever the offset says', () =>
    expect(freedSlotKey(appointmentId, { start: '2026-03-12T19:00:00Z' })).toBe(
      freedSlotKey(appointmentId, slot),
    ));

  it('keep the first round under the name offers had before rounds, and number the next', () => {
    const first = `waitlist-offer/${appointmentId}/${Date.parse(slot.start)}`;
    expect([0, 1, 2].map((round) => offerName(appointmentId, slot, round))).toEqual([
      first,
      `${first}/1`,
      `${first}/2`,
    ]);
  });

  it('name an expiry by its offer', () =>
    expect(offerExpiryName('o-1')).toBe('waitlist-offer-expired/o-1'));
});
