import { messageContribution } from './message-contribution';
import type { MessageFacts } from './message-facts';

const at = new Date('2026-03-31T23:30:00Z');
const message = (channels: MessageFacts['channels']): MessageFacts => ({
  _id: 'm1',
  kind: 'reminder',
  channels,
  firstOutcomeAt: at,
});

describe('a message’s counters', () => {
  it.each([
    [
      'sent by e-mail',
      { email: { sent: true } },
      { messages: 1, reached: 1, emailOutcomes: 1, emailSent: 1, emailReached: 1 },
    ],
    [
      'sent, then refused by the address',
      { email: { sent: true, bounced: true } },
      { messages: 1, unreached: 1, bounced: 1, emailOutcomes: 1, emailSent: 1, emailBounced: 1 },
    ],
    [
      'refused at once',
      { email: { bounced: true } },
      { messages: 1, unreached: 1, bounced: 1, emailOutcomes: 1, emailBounced: 1 },
    ],
    [
      'no SMS gateway, e-mail sent',
      { sms: { failed: 'channel-not-configured' }, email: { sent: true } },
      {
        messages: 1,
        reached: 1,
        failed: 1,
        emailOutcomes: 1,
        emailSent: 1,
        emailReached: 1,
        smsOutcomes: 1,
        smsFailed: 1,
        'fail_sms_channel-not-configured': 1,
      },
    ],
    [
      'failed before any channel',
      { none: { failed: 'no-consent' } },
      { messages: 1, unreached: 1, failed: 1, 'fail_none_no-consent': 1 },
    ],
    [
      'bounced on e-mail but sent by SMS',
      { email: { sent: true, bounced: true }, sms: { sent: true } },
      {
        messages: 1,
        reached: 1,
        bounced: 1,
        emailOutcomes: 1,
        emailSent: 1,
        emailBounced: 1,
        smsOutcomes: 1,
        smsSent: 1,
        smsReached: 1,
      },
    ],
  ] as const)('%s', (_, channels, counters) => {
    expect(messageContribution(message(channels))).toEqual({
      month: '2026-03',
      kind: 'reminder',
      counters,
    });
  });

  it('a bounce after a send adds a counter rather than renaming them (FerretDB skips that)', () => {
    const sent = messageContribution(message({ email: { sent: true } }))!.counters;
    const bounced = messageContribution(
      message({ email: { sent: true, bounced: true } }),
    )!.counters;
    expect(Object.keys(bounced).length).toBeGreaterThan(Object.keys(sent).length);
  });

  it('counts in the UTC month of its first outcome, and not before one is known', () => {
    expect(messageContribution({ _id: 'm', kind: 'reminder' })).toBeUndefined();
    expect(
      messageContribution({
        ...message({ email: { sent: true } }),
        firstOutcomeAt: new Date('2026-04-01T00:00:00Z'),
      })?.month,
    ).toBe('2026-04');
  });
});
