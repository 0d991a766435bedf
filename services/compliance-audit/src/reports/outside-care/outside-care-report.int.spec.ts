import { NestExpressApplication } from '@nestjs/platform-express';
import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../../audit-trail/audit-trail.collections';
import {
  complianceTestEnv,
  createComplianceTopics,
  PlatformEventInput,
  publish,
  startComplianceApp,
} from '../../testing/compliance-test-app';

describe("the report of reads outside care believes no reader's word about themself", () => {
  const ns = new TestNamespace('outside-care');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let auditor: Record<string, string>;
  const patientId = randomUUID();
  const providerId = randomUUID();
  const auditorId = randomUUID();
  const ids: Record<string, string> = {};

  const read = (actorId: string, role: string, purpose: string, at: string) =>
    ({
      type: 'thc.compliance.PhiAccessed.v1',
      data: {
        accessId: randomUUID(),
        actorId,
        role,
        patientId,
        resource: 'Appointment',
        action: 'read',
        purpose,
        service: 'scheduling',
        at,
      },
    }) satisfies PlatformEventInput;

  const story: [string, PlatformEventInput][] = [
    [
      'booked',
      {
        type: 'thc.scheduling.AppointmentBooked.v1',
        data: {
          appointmentId: randomUUID(),
          providerId,
          patientId,
          clinicId: randomUUID(),
          visitType: 'video',
          start: '2026-03-09T09:00:00-04:00',
          end: '2026-03-09T09:30:00-04:00',
          timeZone: 'America/New_York',
          participants: [
            { participantId: patientId, role: 'patient' },
            { participantId: providerId, role: 'provider' },
          ],
          bookedAt: '2026-03-02T14:12:05Z',
          bookedBy: { kind: 'user', userId: randomUUID(), role: 'coordinator' },
        },
      },
    ],
    ['inCare', read(providerId, 'provider', 'treatment', '2026-03-10T15:00:00Z')],
    // Six months on, the care window (90 days by default) has long closed.
    ['afterCare', read(providerId, 'provider', 'treatment', '2026-09-10T15:00:00Z')],
    ['providerSaysLegal', read(providerId, 'provider', 'legal', '2026-09-11T15:00:00Z')],
    ['posingAsPatient', read(randomUUID(), 'patient', 'patient-request', '2026-03-10T16:00:00Z')],
    ['auditorForAudit', read(auditorId, 'auditor', 'audit', '2026-03-10T17:00:00Z')],
    ['ownRead', read(patientId, 'patient', 'patient-request', '2026-03-10T18:00:00Z')],
  ];

  beforeAll(async () => {
    complianceTestEnv(ns);
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    const trail = app.get(AuditTrailCollections);
    producer = ns.kafka().producer();
    await producer.connect();
    auditor = await bearer('auditor', auditorId);
    // One by one, so the booking is in the trail before the reads it explains.
    for (const [name, event] of story) {
      const [id] = await publish(producer, ns, [event]);
      ids[name] = id as string;
      await eventually(async () =>
        expect(await trail.entries.findOne({ eventId: id })).not.toBeNull(),
      );
    }
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  it('lists the read after the care window, the provider calling a read legal, and a "patient" reading someone else', async () => {
    const response = await call(
      url,
      'GET',
      `/api/v1/audit/reports/patients/${patientId}/access-outside-care`,
      auditor,
    );
    expect(response.status).toBe(200);
    const listed = (response.body as { items: { eventId: string }[] }).items.map((r) => r.eventId);
    expect([...listed].sort()).toEqual(
      [ids['afterCare'], ids['providerSaysLegal'], ids['posingAsPatient']].sort(),
    );
  });
});
