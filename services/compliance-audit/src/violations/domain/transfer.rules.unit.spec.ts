import { judgeTransfer, ProviderTransfer } from './transfer.rules';

const transfer: ProviderTransfer = {
  eventId: '5e7a9c1d-3f5b-4d7f-8b9d-1f3b5d7f9b01',
  sessionId: 'c2e4a6f8-3b5d-4e7f-a9c1-4d6f8b2a3c07',
  toProviderId: '6c8e3f1d-9b2a-4d4f-a7e5-8f3b1d2e4a04',
  transferredAt: '2026-03-09T13:10:00Z',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
};
const lapse = '3c5e7a9b-2d4f-4b6d-9f8b-1d3f5b7d9f02';

describe('transfer rule', () => {
  it('a transfer to a provider with a current credential breaks nothing', () => {
    expect(judgeTransfer(transfer, { status: 'current' })).toEqual([]);
  });

  it('flags a transfer to a provider whose credential had lapsed, naming the lapse', () => {
    expect(judgeTransfer(transfer, { status: 'lapsed', lapsedEventId: lapse })).toEqual([
      {
        rule: 'transfer-to-uncredentialed-provider',
        severity: 'high',
        actorId: transfer.toProviderId,
        patientId: transfer.patientId,
        evidenceEventIds: [transfer.eventId, lapse],
      },
    ]);
  });

  it('flags a transfer to a provider with no credential on record', () => {
    const { patientId: _, ...unlinked } = transfer;
    expect(judgeTransfer(unlinked, { status: 'unknown' })).toEqual([
      {
        rule: 'transfer-to-uncredentialed-provider',
        severity: 'high',
        actorId: transfer.toProviderId,
        evidenceEventIds: [transfer.eventId],
      },
    ]);
  });
});
