import { NestExpressApplication } from '@nestjs/platform-express';
import { eventDefinition } from '@thc/contracts';
import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../audit-trail/audit-trail.collections';
import {
  complianceTestEnv,
  createComplianceTopics,
  PlatformEventInput,
  publish,
  startComplianceApp,
} from '../testing/compliance-test-app';
import { ClinicScopeChecks } from './clinic-scope-checks';
import { TransferChecks } from './transfer-checks';
import { ViolationRecorder } from './violation.recorder';

const user = (userId: string, role: string) => ({ kind: 'user', userId, role });
const example = (type: string) => eventDefinition(type)?.example as Record<string, unknown>;

describe('transfer and clinic-scope rules, through Kafka', () => {
  const ns = new TestNamespace('violations-scope');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let trail: AuditTrailCollections;
  let recorder: ViolationRecorder;

  beforeAll(async () => {
    complianceTestEnv(ns, { AUDIT_WORKING_HOURS: '00:00-23:59', AUDIT_TIME_ZONE: 'UTC' });
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    trail = app.get(AuditTrailCollections);
    recorder = app.get(ViolationRecorder);
    producer = ns.kafka().producer();
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  /** Publishes and waits until the trail holds every event. */
  async function happen(events: PlatformEventInput[]): Promise<string[]> {
    const ids = await publish(producer, ns, events);
    await eventually(async () =>
      expect(await trail.entries.countDocuments({ eventId: { $in: ids } })).toBe(ids.length),
    );
    return ids;
  }

  const findingsSettle = (
    sweep: () => Promise<number>,
    filter: Record<string, unknown>,
    check: (found: Record<string, unknown>[]) => void,
  ) =>
    eventually(async () => {
      await sweep();
      check(await recorder.alerts.find(filter).toArray());
    });

  const staffMember = (staffId: string, functions: string[], clinicIds: string[]) => ({
    type: 'thc.scheduling.StaffMemberRecorded.v1',
    data: { ...example('thc.scheduling.StaffMemberRecorded.v1'), staffId, functions, clinicIds },
  });
  const booked = (patientId: string, providerId: string, clinicId: string) => ({
    type: 'thc.scheduling.AppointmentBooked.v1',
    data: {
      ...example('thc.scheduling.AppointmentBooked.v1'),
      appointmentId: randomUUID(),
      patientId,
      providerId,
      clinicId,
      participants: [
        { participantId: patientId, role: 'patient' },
        { participantId: providerId, role: 'provider' },
      ],
    },
  });
  const phiRead = (actorId: string, role: string, patientId: string) => ({
    type: 'thc.compliance.PhiAccessed.v1',
    data: {
      accessId: randomUUID(),
      actorId,
      role,
      patientId,
      resource: 'Appointment',
      action: 'read',
      purpose: 'operations',
      service: 'scheduling',
      at: new Date().toISOString(),
    },
  });

  it('flags a PHI read by a coordinator of another clinic, not one by a coordinator of the patient’s clinic', async () => {
    const [clinicA, clinicB] = [randomUUID(), randomUUID()];
    const [inside, outside, patientId, providerId] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await happen([
      staffMember(inside, ['coordinator'], [clinicA]),
      staffMember(outside, ['coordinator'], [clinicB]),
      booked(patientId, providerId, clinicA),
    ]);
    const [, outsideRead] = await happen([
      phiRead(inside, 'coordinator', patientId),
      phiRead(outside, 'coordinator', patientId),
    ]);
    const sweep = () => app.get(ClinicScopeChecks).sweep();
    await findingsSettle(sweep, { actorId: outside }, (found) =>
      expect(found).toEqual([
        expect.objectContaining({
          rule: 'phi-access-outside-clinic',
          patientId,
          evidenceEventIds: [outsideRead],
        }),
      ]),
    );
    await sweep();
    expect(
      await recorder.alerts.find({ actorId: inside, rule: 'phi-access-outside-clinic' }).toArray(),
    ).toEqual([]);
    // The list names the staff member the finding is about, as the directory lists them.
    const list = await call(
      url,
      'GET',
      '/api/v1/audit/violations?rule=phi-access-outside-clinic',
      await bearer('auditor', randomUUID(), { clinics: [clinicA] }),
    );
    expect(list.status).toBe(200);
    expect((list.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ actorId: outside, actorName: 'Dr. Adaeze Okafor' }),
    ]);
  });

  it('flags a transfer to a provider whose credential had lapsed, not one to a credentialed provider', async () => {
    const [patientId, providerId, lapsed, credentialed] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const sessionId = randomUUID();
    const appointmentId = randomUUID();
    const before = new Date(Date.now() - 60_000).toISOString();
    const [lapseId] = await happen([
      {
        type: 'thc.training.StaffCredentialLapsed.v1',
        data: {
          ...example('thc.training.StaffCredentialLapsed.v1'),
          staffId: lapsed,
          lapsedAt: before,
        },
      },
      {
        type: 'thc.training.StaffCredentialed.v1',
        data: {
          ...example('thc.training.StaffCredentialed.v1'),
          staffId: credentialed,
          credentialedAt: before,
        },
      },
      {
        type: 'thc.sessions.SessionCreated.v1',
        data: {
          ...example('thc.sessions.SessionCreated.v1'),
          sessionId,
          appointmentId,
          patientId,
          providerId,
          participants: [
            { participantId: patientId, role: 'patient' },
            { participantId: providerId, role: 'provider' },
          ],
        },
      },
    ]);
    const transfer = (from: string, to: string) => ({
      type: 'thc.sessions.ProviderTransferred.v1',
      data: {
        sessionId,
        appointmentId,
        fromProviderId: from,
        toProviderId: to,
        transferredAt: new Date().toISOString(),
        transferredBy: user(randomUUID(), 'coordinator'),
      },
    });
    const [toLapsed] = await happen([transfer(providerId, lapsed), transfer(lapsed, credentialed)]);
    const sweep = () => app.get(TransferChecks).sweep();
    await findingsSettle(sweep, { actorId: lapsed }, (found) =>
      expect(found).toEqual([
        expect.objectContaining({
          rule: 'transfer-to-uncredentialed-provider',
          patientId,
          evidenceEventIds: [toLapsed, lapseId],
        }),
      ]),
    );
    await sweep();
    expect(await recorder.alerts.find({ actorId: credentialed }).toArray()).toEqual([]);
  });
});
