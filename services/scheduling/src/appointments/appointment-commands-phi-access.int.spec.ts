import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { call } from './testing/http-client';
import {
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
  testClock,
} from './testing/scheduling-test-app';

const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';

interface Access {
  readonly actorId: string;
  readonly role: string;
  readonly resource: string;
  readonly resourceId?: string;
  readonly action: string;
  readonly purpose: string;
}

/**
 * A staff member who wants a patient's appointment without a trace need not read it: every
 * command answers with the whole appointment (patient, provider, time, participants). Each such
 * answer must land in the patient's accounting of disclosures like a read does.
 */
describe('appointment commands that answer with patient data record the disclosure', () => {
  const ns = new TestNamespace('appt-command-phi');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let coordinator: Record<string, string>;
  const coordinatorId = randomUUID();

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app, url } = await startSchedulingApp());
    store = app.get(MongoEventStore);
    coordinator = await bearer('coordinator', coordinatorId);
  }, 180_000);

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const inMinutes = (minutes: number) =>
    new Date(testClock().getTime() + minutes * 60_000).toISOString();

  async function book(start: string, end: string) {
    const providerId = randomUUID();
    await bookableProvider({ app, url }, coordinator, providerId);
    const booked = await call(url, 'POST', '/api/v1/appointments', coordinator, {
      patientId: randomUUID(),
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start,
      end,
      timeZone: 'America/New_York',
      patientLocation: TEST_PATIENT_LOCATION,
    });
    expect(booked.status).toBe(201);
    return booked.body as { appointmentId: string; patientId: string; providerId: string };
  }

  const accessesOf = async (patientId: string): Promise<Access[]> =>
    (await store.load(`phi-access-${patientId}`))
      .filter((e) => e.type === PHI_ACCESSED)
      .map((e) => e.data as Access);

  const disclosure = (actorId: string, role: string, appointmentId: string, purpose: string) => ({
    actorId,
    role,
    resource: 'Appointment',
    resourceId: appointmentId,
    action: 'read',
    purpose,
  });

  it('book, reschedule, check-in and complete each leave a record, by whom and why', async () => {
    const {
      appointmentId: id,
      patientId,
      providerId,
    } = await book('2031-03-10T09:00:00-04:00', '2031-03-10T09:30:00-04:00');
    const provider = await bearer('provider', providerId);
    const steps = [
      await call(url, 'POST', `/api/v1/appointments/${id}/reschedule`, provider, {
        providerId,
        start: '2031-03-11T10:00:00-04:00',
        end: '2031-03-11T10:30:00-04:00',
        timeZone: 'America/New_York',
      }),
      await call(url, 'POST', `/api/v1/appointments/${id}/check-in`, provider, {
        sessionId: randomUUID(),
      }),
    ];
    const { sessionId } = steps[1]!.body as { sessionId: string };
    steps.push(
      await call(url, 'POST', `/api/v1/appointments/${id}/complete`, provider, {
        sessionId,
        startedAt: inMinutes(-30),
        endedAt: inMinutes(-1),
      }),
    );
    expect(steps.map((s) => s.status)).toEqual([200, 200, 200]);

    expect(await accessesOf(patientId)).toEqual([
      expect.objectContaining(disclosure(coordinatorId, 'coordinator', id, 'operations')),
      expect.objectContaining(disclosure(providerId, 'provider', id, 'treatment')),
      expect.objectContaining(disclosure(providerId, 'provider', id, 'treatment')),
      expect.objectContaining(disclosure(providerId, 'provider', id, 'treatment')),
    ]);
  });

  it('cancel leaves a record with the purpose the caller states', async () => {
    const { appointmentId: id, patientId } = await book(
      '2031-04-10T09:00:00-04:00',
      '2031-04-10T09:30:00-04:00',
    );
    const cancelled = await call(
      url,
      'POST',
      `/api/v1/appointments/${id}/cancel`,
      { ...coordinator, 'x-purpose-of-use': 'payment' },
      { reasonCode: 'other' },
    );
    expect(cancelled.status).toBe(200);
    expect((await accessesOf(patientId)).at(-1)).toMatchObject(
      disclosure(coordinatorId, 'coordinator', id, 'payment'),
    );
  });

  it('a no-show leaves a record', async () => {
    const { appointmentId: id, patientId } = await book(inMinutes(0.05), inMinutes(30.05));
    await sleep(3500);
    const noShow = await call(url, 'POST', `/api/v1/appointments/${id}/no-show`, coordinator, {
      sessionId: randomUUID(),
      absent: 'patient',
    });
    expect(noShow.status).toBe(200);
    expect(await accessesOf(patientId)).toEqual([
      expect.objectContaining(disclosure(coordinatorId, 'coordinator', id, 'operations')),
      expect.objectContaining(disclosure(coordinatorId, 'coordinator', id, 'operations')),
    ]);
  });

  it('an unknown purpose is refused before the command changes anything', async () => {
    const { appointmentId: id } = await book(
      '2031-05-10T09:00:00-04:00',
      '2031-05-10T09:30:00-04:00',
    );
    const refused = await call(
      url,
      'POST',
      `/api/v1/appointments/${id}/cancel`,
      { ...coordinator, 'x-purpose-of-use': 'curiosity' },
      { reasonCode: 'other' },
    );
    expect(refused.status).toBe(400);
    const types = (await store.load(`appointment-${id}`)).map((e) => e.type.split('.')[2]);
    expect(types).not.toContain('AppointmentCancelled');
  });
});
