import { eventDefinition, SHARED_TOPICS, toKafkaHeaders, TOPICS } from '@thc/contracts';
import { KafkaMessage } from 'kafkajs';
import { decodeMessage } from './decode-message';

const GRANTED = 'thc.compliance.ConsentGranted.v1';
const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';

function message(type: string, source: string, time = '2026-11-27T10:00:00.000Z'): KafkaMessage {
  return {
    key: Buffer.from('consent-1'),
    value: Buffer.from(JSON.stringify(eventDefinition(GRANTED)?.example)),
    offset: '7',
    timestamp: '0',
    attributes: 0,
    headers: toKafkaHeaders({
      id: 'event-7',
      source,
      type,
      subject: 'consent-1',
      time,
    }),
  };
}

describe('decoding a consumed message checks where it came from', () => {
  it('hands on a consent granted by compliance-audit on the compliance topic', () => {
    const decoded = decodeMessage(
      `ns-${TOPICS.compliance}`,
      0,
      message(GRANTED, '/thc/compliance-audit'),
    );
    expect(decoded).toMatchObject({ ok: true, event: { type: GRANTED } });
  });

  it('refuses a consent that another service wrote, before any contract check', () => {
    const validate = jest.fn(() => undefined);
    const decoded = decodeMessage(
      TOPICS.compliance,
      0,
      message(GRANTED, '/thc/sessions'),
      validate,
    );
    expect(decoded).toMatchObject({
      ok: false,
      error: {
        name: 'ProvenanceViolationError',
        reason: 'wrong-source',
        message: expect.stringContaining('wrong source for type'),
      },
    });
    expect(validate).not.toHaveBeenCalled();
  });

  it('refuses a consent carried on the scheduling topic, even from its producer', () => {
    const decoded = decodeMessage(TOPICS.scheduling, 0, message(GRANTED, '/thc/compliance-audit'));
    expect(decoded).toMatchObject({
      ok: false,
      error: { name: 'ProvenanceViolationError', reason: 'wrong-topic' },
    });
  });

  it('hands on a PHI read that scheduling recorded, on the PHI-access topic', () => {
    const decoded = decodeMessage(
      `ns-${SHARED_TOPICS.phiAccess}`,
      0,
      message(PHI_ACCESSED, '/thc/scheduling'),
    );
    expect(decoded).toMatchObject({ ok: true, event: { type: PHI_ACCESSED } });
  });

  it.each([
    ['a PHI read on the compliance topic', TOPICS.compliance, PHI_ACCESSED, '/thc/scheduling'],
    [
      'a consent on the PHI-access topic',
      SHARED_TOPICS.phiAccess,
      GRANTED,
      '/thc/compliance-audit',
    ],
  ])('refuses %s, the topic a PHI-serving pod may write', (_, topic, type, source) => {
    const decoded = decodeMessage(`ns-${topic}`, 0, message(type, source));
    expect(decoded).toMatchObject({
      ok: false,
      error: { name: 'ProvenanceViolationError', reason: 'wrong-topic' },
    });
  });
});

describe('decoding a consumed message checks its time', () => {
  it('refuses a ce_time that is not an instant', () => {
    const decoded = decodeMessage(
      TOPICS.compliance,
      0,
      message(GRANTED, '/thc/compliance-audit', 'Jane Doe, 1970-01-01'),
    );
    expect(decoded).toMatchObject({
      ok: false,
      error: { name: 'PoisonMessageError', message: 'ce_time is not a timestamp' },
    });
  });
});
