import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
  testClock,
} from '../testing/scheduling-test-app';

const DAY = 86_400_000;
const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';
const REFUSAL = 'provider has no appointment with this patient within the care window';

describe("a provider's access to a patient's appointments ends with the care window", () => {
  const ns = new TestNamespace('care-window');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let coordinator: Record<string, string>;
  // The tests' clock, moved forward by `later` to play a read months after the visit.
  let later = 0;
  const clock = () => new Date(testClock().getTime() + later);
  const at = (instant: number) => {
    later = instant - testClock().getTime();
  };

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
    delete process.env['CARE_RELATIONSHIP_DAYS'];
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app, url } = await startSchedulingApp({ clock }));
    store = app.get(MongoEventStore);
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterEach(() => {
    later = 0;
  });

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await app?.close();
    await ns.dispose();
  });

  /** Books a 30-minute video visit ending at `end`, by a coordinator; a new pair unless given. */
  async function book(end: string, pair: { patientId?: string; providerId?: string } = {}) {
    const providerId = pair.providerId ?? randomUUID();
    const patientId = pair.patientId ?? randomUUID();
    if (!pair.providerId) await bookableProvider({ app, url }, coordinator, providerId);
    const booked = await callService(url, 'POST', '/api/v1/appointments', coordinator, {
      patientId,
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start: new Date(Date.parse(end) - 30 * 60_000).toISOString(),
      end,
      timeZone: 'America/New_York',
      patientLocation: TEST_PATIENT_LOCATION,
    });
    expect(booked.status).toBe(201);
    const { appointmentId } = booked.body as { appointmentId: string };
    return { appointmentId, patientId, providerId };
  }

  /** Every way to open one appointment: the REST read, the calendar file, the FHIR view. */
  const singleReads = (appointmentId: string) => [
    `/api/v1/appointments/${appointmentId}`,
    `/api/v1/appointments/${appointmentId}/calendar.ics`,
    `/fhir/Appointment/${appointmentId}`,
  ];

  const accessCount = async (patientId: string) =>
    (await store.load(`phi-access-${patientId}`)).filter((e) => e.type === PHI_ACCESSED).length;

  it('lets the provider list the patient during the 90 days after the visit, and refuses them afterwards', async () => {
    const end = '2031-03-10T13:30:00Z';
    const { patientId, providerId } = await book(end);
    const provider = await bearer('provider', providerId);
    const list = () =>
      callService(url, 'GET', `/api/v1/patients/${patientId}/appointments`, provider);

    at(Date.parse(end) + 89 * DAY);
    expect((await list()).status).toBe(200);

    at(Date.parse(end) + 91 * DAY);
    const refused = await list();
    expect(refused.status).toBe(403);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ detail: REFUSAL });
    // Running the program is not care: the coordinator still sees the patient.
    expect(
      (await callService(url, 'GET', `/api/v1/patients/${patientId}/appointments`, coordinator))
        .status,
    ).toBe(200);
  });

  it('lets the provider open the appointment by its id on day 89, and refuses it on day 91 without recording a read', async () => {
    const end = '2031-03-11T13:30:00Z';
    const { appointmentId, patientId, providerId } = await book(end);
    const provider = await bearer('provider', providerId);

    at(Date.parse(end) + 89 * DAY);
    for (const path of singleReads(appointmentId))
      expect({ path, status: (await callService(url, 'GET', path, provider)).status }).toEqual({
        path,
        status: 200,
      });

    // The provider kept the id: months later it must open no more than the patient's list.
    at(Date.parse(end) + 91 * DAY);
    const recorded = await accessCount(patientId);
    for (const path of singleReads(appointmentId)) {
      const refused = await callService(url, 'GET', path, provider);
      expect({ path, status: refused.status, type: refused.type }).toEqual({
        path,
        status: 403,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(refused.body).toMatchObject({ detail: REFUSAL });
      expect(refused.text).not.toContain(patientId);
    }
    expect(await accessCount(patientId)).toBe(recorded);

    // Running the program is not care, and the patient's own record stays theirs.
    const patient = await bearer('patient', patientId);
    for (const caller of [coordinator, patient])
      for (const path of singleReads(appointmentId))
        expect((await callService(url, 'GET', path, caller)).status).toBe(200);
  });

  it('gives the provider of a cancelled visit the appointment only until it was cancelled', async () => {
    // Booking and cancelling a visit months ahead must not buy months of access.
    const { appointmentId, patientId, providerId } = await book('2031-06-10T13:30:00Z');
    const provider = await bearer('provider', providerId);
    for (const path of singleReads(appointmentId))
      expect((await callService(url, 'GET', path, provider)).status).toBe(200);

    const cancelled = await callService(
      url,
      'POST',
      `/api/v1/appointments/${appointmentId}/cancel`,
      coordinator,
      {
        reasonCode: 'provider-unavailable',
      },
    );
    expect(cancelled.status).toBe(200);

    const recorded = await accessCount(patientId);
    for (const path of singleReads(appointmentId)) {
      const refused = await callService(url, 'GET', path, provider);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(refused.body).toMatchObject({ detail: REFUSAL });
    }
    expect(await accessCount(patientId)).toBe(recorded);
    expect(
      (await callService(url, 'GET', `/api/v1/patients/${patientId}/appointments`, provider))
        .status,
    ).toBe(403);
    expect(
      (await callService(url, 'GET', `/api/v1/appointments/${appointmentId}`, coordinator)).status,
    ).toBe(200);
  });

  it('keeps an old appointment open to its provider while a later visit with the patient is in care, as the list does', async () => {
    const firstEnd = '2031-03-12T13:30:00Z';
    const first = await book(firstEnd);
    const provider = await bearer('provider', first.providerId);
    const read = () =>
      callService(url, 'GET', `/api/v1/appointments/${first.appointmentId}`, provider);

    at(Date.parse(firstEnd) + 91 * DAY);
    expect((await read()).status).toBe(403);

    // The patient comes back to the same provider: care is current again, for the old visit too.
    await book('2031-06-20T13:30:00Z', first);
    expect((await read()).status).toBe(200);
    const list = await callService(
      url,
      'GET',
      `/api/v1/patients/${first.patientId}/appointments`,
      provider,
    );
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
  });
  it('refuses the provider acting on a visit nobody closed once the care window has passed, so a stale appointment neither answers nor reopens care', async () => {
    const end = '2031-03-13T13:30:00Z';
    const { appointmentId, patientId, providerId } = await book(end);
    const provider = await bearer('provider', providerId);
    const path = `/api/v1/appointments/${appointmentId}`;

    at(Date.parse(end) + 91 * DAY);
    const recorded = await accessCount(patientId);
    const attempts: [string, object][] = [
      // Marking the long-past visit missed, or cancelling it, would answer with the appointment.
      [`${path}/no-show`, { sessionId: randomUUID(), absent: 'patient' }],
      [`${path}/cancel`, { reasonCode: 'other' }],
      // Moving it ahead would make a visit to come, and with it a fresh care window.
      [
        `${path}/reschedule`,
        {
          providerId,
          start: '2031-07-01T13:00:00Z',
          end: '2031-07-01T13:30:00Z',
          timeZone: 'America/New_York',
        },
      ],
    ];
    for (const [attempt, body] of attempts) {
      const refused = await callService(url, 'POST', attempt, provider, body);
      expect({ attempt, status: refused.status }).toEqual({ attempt, status: 403 });
      expect(refused.body).toMatchObject({ detail: REFUSAL });
    }
    expect(await accessCount(patientId)).toBe(recorded);
    expect((await callService(url, 'GET', path, coordinator)).body).toMatchObject({
      status: 'booked',
      end: expect.stringMatching(/^2031-03-13T/),
    });
    expect(
      (await callService(url, 'GET', `/api/v1/patients/${patientId}/appointments`, provider))
        .status,
    ).toBe(403);

    // Staff close out the stale visit as before.
    const closed = await callService(url, 'POST', `${path}/no-show`, coordinator, {
      sessionId: randomUUID(),
      absent: 'patient',
    });
    expect(closed).toMatchObject({ status: 200, body: { status: 'noshow' } });
  });
});
