import { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@thc/auth';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
  testClock,
} from './scheduling-test-app';
import { callService, TestNamespace } from '@thc/testing';

export const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
export const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';

export interface BookedResponse {
  status: number;
  body: Record<string, unknown> & {
    appointmentId: string;
    patientId: string;
    providerId: string;
  };
}

/** Tokens for a role and subject (`bearer` of @thc/testing). */
export type Bearer = (role: Role, subject: string) => Promise<Record<string, string>>;

/** The scheduling app of one spec, with PHI keys, and a coordinator who books. */
export type AppointmentsTest = Awaited<ReturnType<typeof startAppointmentsTest>>;

/**
 * The scheduling app for the specs of one file, started before them in a namespace of its own
 * and stopped after them; the fields are set once `beforeAll` has run.
 */
export function useAppointmentsTest(ns: TestNamespace, bearer: Bearer): AppointmentsTest {
  const test = {} as AppointmentsTest;
  let started: AppointmentsTest | undefined;
  beforeAll(async () => {
    started = await startAppointmentsTest(ns, bearer);
    Object.assign(test, started);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return test;
}

/**
 * Starts the scheduling app in a namespace of its own (PHI keys configured, so free text is
 * sealed); `book` books a 30-minute video visit for a new patient with a provider made
 * bookable on first use, `stop` closes the app and drops the namespace.
 */
async function startAppointmentsTest(ns: TestNamespace, bearer: Bearer) {
  process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
  process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
  process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
  process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
  await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
  const { app, url } = await startSchedulingApp();
  const coordinatorId = randomUUID();
  const coordinator = await bearer('coordinator', coordinatorId);
  const store = app.get(MongoEventStore);
  const scheduled = new Set<string>();

  const book = async (
    overrides: Record<string, unknown> = {},
    headers = coordinator,
  ): Promise<BookedResponse> => {
    const providerId = (overrides['providerId'] as string | undefined) ?? randomUUID();
    if (!scheduled.has(providerId)) await bookableProvider({ app, url }, coordinator, providerId);
    scheduled.add(providerId);
    return (await callService(url, 'POST', '/api/v1/appointments', headers, {
      patientId: randomUUID(),
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start: '2031-03-10T09:00:00-04:00',
      end: '2031-03-10T09:30:00-04:00',
      timeZone: 'America/New_York',
      patientLocation: TEST_PATIENT_LOCATION,
      ...overrides,
    })) as BookedResponse;
  };
  /** The short names of the appointment's events, in order. */
  const typesOf = async (id: string) =>
    (await store.load(`appointment-${id}`)).map((e) => e.type.split('.')[2]);
  const inMinutes = (minutes: number) =>
    new Date(testClock().getTime() + minutes * 60_000).toISOString();
  const stop = async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await app.close();
    await ns.dispose();
  };
  return {
    app: app as NestExpressApplication,
    scheduled,
    url,
    store,
    coordinatorId,
    coordinator,
    book,
    typesOf,
    inMinutes,
    stop,
  };
}
