import { fromKafkaHeaders, toKafkaHeaders } from './cloud-event';

describe('CloudEvents binary mode on Kafka', () => {
  const attributes = {
    id: '6f1c1f3e-8a37-4d55-9f6a-0a4c2f1e9b10',
    source: '/thc/scheduling',
    type: 'thc.scheduling.AppointmentBooked.v1',
    subject: 'appointment-1',
    time: '2026-11-27T10:00:00.000Z',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    extensions: { correlationid: 'c-1' },
  };

  it('writes every required attribute as a ce_ header with a JSON content type', () => {
    const headers = toKafkaHeaders(attributes);
    expect(headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: attributes.id,
      ce_source: '/thc/scheduling',
      ce_type: 'thc.scheduling.AppointmentBooked.v1',
      ce_subject: 'appointment-1',
      ce_time: attributes.time,
      'content-type': 'application/json',
      traceparent: attributes.traceparent,
      ce_correlationid: 'c-1',
    });
  });

  it('reads back what it wrote, from Buffers as kafkajs delivers them', () => {
    const raw = Object.fromEntries(
      Object.entries(toKafkaHeaders(attributes)).map(([k, v]) => [k, Buffer.from(v)]),
    );
    expect(fromKafkaHeaders(raw)).toEqual({ ok: true, attributes });
  });

  it('names the missing headers of a message that is not a CloudEvent', () => {
    const result = fromKafkaHeaders({ ce_id: Buffer.from('x') });
    expect(result).toEqual({
      ok: false,
      reason:
        'missing CloudEvents header(s): ce_specversion, ce_source, ce_type, ce_subject, ce_time',
    });
  });
});
