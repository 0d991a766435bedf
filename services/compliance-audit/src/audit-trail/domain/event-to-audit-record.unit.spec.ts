import { allEventDefinitions } from '@thc/contracts';
import { AuditedEvent, toAuditRecord } from './event-to-audit-record';

const headers = {
  id: '5a7c9e2b-3f6d-4d8e-9e2a-6c8e2a4d5e20',
  time: '2026-03-02T14:12:05.120Z',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  extensions: { correlationid: 'c0rr-1' },
};

function example(type: string): AuditedEvent {
  const definition = allEventDefinitions().find((d) => d.type === type);
  if (!definition) throw new Error(type);
  const data = definition.example as Record<string, unknown>;
  const id = data[definition.streamDefinition.idField] as string;
  return {
    ...headers,
    type,
    source: definition.source,
    subject: `${definition.streamDefinition.prefix}-${id}`,
    data,
  };
}

describe('events as audit records', () => {
  it('a booking is a Create of the Appointment by the coordinator, for the patient, with trace and correlation', () => {
    expect(toAuditRecord(example('thc.scheduling.AppointmentBooked.v1'))).toMatchObject({
      eventId: headers.id,
      action: 'C',
      outcome: '0',
      actor: { kind: 'user', id: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04', role: 'coordinator' },
      patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
      resource: { type: 'Appointment', id: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01' },
      service: 'scheduling',
      occurredAt: '2026-03-02T14:12:05.120Z',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      correlationId: 'c0rr-1',
      phiAccess: false,
    });
  });

  it('a PHI access is a Read by its actor, of its resource, in the service that disclosed it, at its time', () => {
    expect(toAuditRecord(example('thc.compliance.PhiAccessed.v1'))).toMatchObject({
      action: 'R',
      actor: { kind: 'user', id: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04', role: 'coordinator' },
      resource: { type: 'Appointment', id: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01' },
      service: 'scheduling',
      purpose: 'operations',
      occurredAt: '2026-03-02T14:11:30.000Z',
      phiAccess: true,
    });
  });

  it.each([
    ['thc.scheduling.AppointmentCancelled.v1', 'D'],
    ['thc.compliance.ConsentRevoked.v1', 'D'],
    ['thc.scheduling.AppointmentRescheduled.v1', 'U'],
    ['thc.sessions.SessionStarted.v1', 'E'],
    ['thc.compliance.ConsentGranted.v1', 'C'],
    ['thc.training.StaffCredentialLapsed.v1', 'U'],
  ])('%s is action %s', (type, action) => {
    expect(toAuditRecord(example(type)).action).toBe(action);
  });

  it('a refused session start is a minor failure; a session event names its patient from the links', () => {
    const record = toAuditRecord(example('thc.sessions.SessionStartRefused.v1'), {
      patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
    });
    expect(record).toMatchObject({
      outcome: '4',
      patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
      resource: { type: 'Encounter' },
    });
  });

  it('maps every registered event type without throwing', () => {
    for (const definition of allEventDefinitions()) {
      const record = toAuditRecord(example(definition.type));
      expect(['C', 'R', 'U', 'D', 'E']).toContain(record.action);
    }
  });

  it.each<[string, unknown]>([
    [
      'data naming a patient and an actor',
      {
        patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
        patientName: 'Jane Doe',
        changedBy: { kind: 'user', userId: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04', role: 'admin' },
      },
    ],
    ['null data', null],
    ['an array', [1, 2, 3]],
    ['a string', 'surprise'],
  ])(
    'chains an event of a type it does not know with %s by its id, type and source only',
    (_, data) => {
      const record = toAuditRecord(
        {
          ...headers,
          type: 'thc.scheduling.WidgetRecalibrated.v3',
          source: '/thc/scheduling',
          subject: 'patient-Jane-Doe',
          data,
        },
        { patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02' },
      );
      expect(record).toEqual({
        eventId: headers.id,
        type: 'thc.scheduling.WidgetRecalibrated.v3',
        source: '/thc/scheduling',
        subject: '',
        action: 'U',
        outcome: '0',
        resource: { type: 'Basic' },
        service: 'scheduling',
        occurredAt: headers.time,
        phiAccess: false,
        data: null,
      });
    },
  );

  it('does not mistake a new version of a known event for the one it knows', () => {
    const known = example('thc.compliance.ConsentGranted.v1');
    const record = toAuditRecord({ ...known, type: 'thc.compliance.ConsentGranted.v9' });
    expect(record).toMatchObject({ data: null, subject: '' });
    expect(record.patientId).toBeUndefined();
  });
});
