import { KafkaMessage } from 'kafkajs';
import { deadLetterMessage } from './dead-letter';

describe('dead-letter copy of a failed message', () => {
  const message: KafkaMessage = {
    key: Buffer.from('appointment-1'),
    value: Buffer.from('{"appointmentId":"1"}'),
    offset: '42',
    timestamp: '0',
    attributes: 0,
    headers: { ce_id: Buffer.from('e-1') },
  };

  it('keeps key, value and headers, and adds why and where it failed', () => {
    const copy = deadLetterMessage({
      group: 'thc.analytics',
      topic: 'thc.scheduling.v1',
      partition: 2,
      message,
      error: new TypeError('boom'),
      attempts: 5,
      at: new Date('2026-11-27T10:00:00.000Z'),
    });
    expect(copy.key).toBe(message.key);
    expect(copy.value).toBe(message.value);
    expect(copy.headers).toEqual({
      ce_id: message.headers?.['ce_id'],
      'thc-dlq-error': 'boom',
      'thc-dlq-error-type': 'TypeError',
      'thc-dlq-attempts': '5',
      'thc-dlq-origin-topic': 'thc.scheduling.v1',
      'thc-dlq-origin-partition': '2',
      'thc-dlq-origin-offset': '42',
      'thc-dlq-group': 'thc.analytics',
      'thc-dlq-time': '2026-11-27T10:00:00.000Z',
    });
  });

  it('bounds the error text a header carries', () => {
    const copy = deadLetterMessage({
      group: 'g',
      topic: 't',
      partition: 0,
      message,
      error: new Error('x'.repeat(5000)),
      attempts: 1,
      at: new Date(),
    });
    expect(String(copy.headers?.['thc-dlq-error'])).toHaveLength(1000);
  });
});
