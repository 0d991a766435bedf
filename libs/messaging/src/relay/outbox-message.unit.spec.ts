import { fromKafkaHeaders } from '@thc/contracts';
import { StoredEvent } from '@thc/event-store';
import { outboxMessage } from './outbox-message';

describe('Kafka message of a stored event', () => {
  const event: StoredEvent = {
    id: '6f1c1f3e-8a37-4d55-9f6a-0a4c2f1e9b10',
    streamId: 'appointment-1',
    version: 3,
    type: 'thc.scheduling.AppointmentBooked.v1',
    data: { appointmentId: '1' },
    metadata: {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      correlationId: 'c-1',
      actor: 'user-7',
    },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };

  it('is keyed by stream id and carries the event as a CloudEvent with the stored trace context', () => {
    const message = outboxMessage(event, '/thc/scheduling');
    expect(message.key).toBe('appointment-1');
    expect(JSON.parse(String(message.value))).toEqual({ appointmentId: '1' });
    expect(fromKafkaHeaders(message.headers ?? {})).toEqual({
      ok: true,
      attributes: {
        id: event.id,
        source: '/thc/scheduling',
        type: 'thc.scheduling.AppointmentBooked.v1',
        subject: 'appointment-1',
        time: '2026-11-27T10:00:00.000Z',
        traceparent: event.metadata.traceparent,
        extensions: { correlationid: 'c-1' },
      },
    });
  });

  it('leaves out metadata that names a person (the actor)', () => {
    expect(JSON.stringify(outboxMessage(event, '/thc/scheduling').headers)).not.toContain('user-7');
  });
});
