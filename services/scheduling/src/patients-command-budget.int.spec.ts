import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { bearer, callService, CommandBudget, CommandCounter, TestNamespace } from '@thc/testing';
import { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  bookableProvider,
  TEST_PATIENT_LOCATION,
} from './appointments/testing/scheduling-test-app';
import { startPatientsApp } from './patients/testing/patients-test-app';

/**
 * Database commands (round trips) per patient-profile use case on a warm instance (the key
 * store and the service share one MongoDB client, so key reads count). Every read is an `_id`
 * lookup: the profile's view, the patient's key, the patient's appointment index.
 */
const budget = new CommandBudget({
  // The view, the key to open the language held, the key again to seal the new one, the
  // event appended (one insert), the view saved.
  'patient records a changed profile': 5,
  // The view and the key to open it; nothing written.
  'patient records an unchanged profile': 2,
  // The patient's appointment index (their clinics), the view, the key, and the read recorded
  // as PhiAccessed in the patient's phi-access stream.
  'coordinator reads a profile': 4,
} as const);

describe('database commands per patient-profile use case', () => {
  const ns = new TestNamespace('patients-commands');
  let app: NestExpressApplication;
  let url: string;
  let counter: CommandCounter;
  const patientId = randomUUID();
  const clinicId = randomUUID();
  let patient: Record<string, string>;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      // Counting is by time window: no poller may write while a use case is measured.
      SCHEDULING_REMINDER_POLL_MS: '0',
    });
    await ns.createTopics(
      [TOPICS.training, TOPICS.sessions, TOPICS.scheduling].map((topic) => ns.topic(topic)),
    );
    ({ app, url } = await startPatientsApp(false));
    counter = CommandCounter.attach(app.get<Connection>(getConnectionToken()).getClient());
    patient = await bearer('patient', patientId);
    coordinator = await bearer('coordinator', randomUUID(), { clinics: [clinicId] });
    const providerId = randomUUID();
    const staff = await bearer('coordinator', randomUUID());
    await bookableProvider({ app, url }, staff, providerId);
    const booked = await callService(url, 'POST', '/api/v1/appointments', staff, {
      patientId,
      providerId,
      clinicId,
      visitType: 'video',
      start: '2031-04-08T14:00:00Z',
      end: '2031-04-08T14:30:00Z',
      timeZone: 'UTC',
      patientLocation: TEST_PATIENT_LOCATION,
    });
    expect(booked.status).toBe(201);
    // Warm-up: the first profile creates the patient's key and the collections.
    await put('en', 'NY');
    await callService(url, 'GET', profile, coordinator);
  }, 180_000);

  afterAll(async () => {
    budget.report();
    counter?.detach();
    for (const name of ['PHI_MASTER_KEYS', 'PHI_KEYS_DB', 'SCHEDULING_REMINDER_POLL_MS'])
      delete process.env[name];
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const profile = `/api/v1/patients/${patientId}/profile`;
  const put = (preferredLanguage: string, stateOfResidence: string) =>
    callService(url, 'PUT', profile, patient, { preferredLanguage, stateOfResidence });

  it('patient records a changed profile', async () => {
    const { result, usage } = await counter.measure(() => put('es', 'NJ'));
    expect(result.body).toMatchObject({ changed: true });
    budget.check('patient records a changed profile', usage);
  });

  it('patient records an unchanged profile', async () => {
    const { result, usage } = await counter.measure(() => put('es', 'NJ'));
    expect(result.body).toMatchObject({ changed: false });
    budget.check('patient records an unchanged profile', usage);
  });

  it('coordinator reads a profile', async () => {
    const { result, usage } = await counter.measure(() =>
      callService(url, 'GET', profile, coordinator),
    );
    expect(result.status).toBe(200);
    budget.check('coordinator reads a profile', usage);
  });
});
