import { decideOutcome, evolveOutcomes, MessageOutcomes } from './message-outcome.decider';
import { bouncedEvent, failedEvent, sentEvent } from './outcome-events';
import type { PlannedMessage } from './planned-message';

const message: PlannedMessage = {
  messageId: '0f6b8d1a-3c5e-4f9b-8d2f-7a9c2e4b6d09',
  kind: 'reminder',
  recipientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  recipientRole: 'patient',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  triggerEventId: '5a7c9e2b-3f6d-4d8e-9e2a-6c8e2a4d5e20',
  sendAt: '2026-03-08T13:00:00Z',
};
const at = new Date('2026-03-08T13:00:01Z');
const none: MessageOutcomes = { byChannel: {} };
const record = (state: MessageOutcomes, event: Parameters<typeof evolveOutcomes>[1]) =>
  decideOutcome({ type: 'RecordOutcome', event }, state).reduce(evolveOutcomes, state);

describe('a message has one outcome per channel', () => {
  it('records the first outcome of a channel and nothing after it', () => {
    const sent = record(none, sentEvent(message, 'email', 1, at));
    expect(sent.byChannel).toEqual({ email: 'sent' });
    expect(
      decideOutcome({ type: 'RecordOutcome', event: sentEvent(message, 'email', 2, at) }, sent),
    ).toEqual([]);
    expect(
      decideOutcome(
        {
          type: 'RecordOutcome',
          event: failedEvent(message, 'email', 'retries-exhausted', '451', 2, at),
        },
        sent,
      ),
    ).toEqual([]);
  });

  it('keeps the channels apart', () => {
    const both = record(
      record(none, sentEvent(message, 'email', 1, at)),
      failedEvent(message, 'sms', 'channel-not-configured', 'none', 0, at),
    );
    expect(both.byChannel).toEqual({ email: 'sent', sms: 'failed' });
  });

  it('takes a bounce after a sent message once, and none after a failure', () => {
    const bounced = record(
      record(none, sentEvent(message, 'email', 1, at)),
      bouncedEvent(message, 'email', '550', at),
    );
    expect(bounced.byChannel).toEqual({ email: 'bounced' });
    expect(
      decideOutcome(
        { type: 'RecordOutcome', event: bouncedEvent(message, 'email', '550', at) },
        bounced,
      ),
    ).toEqual([]);
    const failed = record(none, failedEvent(message, 'sms', 'opted-out', 'STOP', 0, at));
    expect(
      decideOutcome(
        { type: 'RecordOutcome', event: bouncedEvent(message, 'sms', 'x', at) },
        failed,
      ),
    ).toEqual([]);
  });
});
