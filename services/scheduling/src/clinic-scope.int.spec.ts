import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  bookableProvider,
  openScheduleBody,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
} from './appointments/testing/scheduling-test-app';

type Headers = Record<string, string>;

/**
 * Coordinators and admins act only for the clinics they cover: a record of another clinic is
 * refused (403, nothing changed), a list shows only their clinics' rows, and nothing is created
 * in a clinic they do not cover. Patients and providers are not bounded by clinic.
 */
describe('scheduling within the clinics a coordinator covers', () => {
  const ns = new TestNamespace('sched-clinic-scope');
  let app: NestExpressApplication;
  let url: string;

  const clinicA = randomUUID();
  const clinicB = randomUUID();
  /** Works in clinic A (its schedule is there); a second provider works in clinic B. */
  const providerA = randomUUID();
  const providerB = randomUUID();
  const patientId = randomUUID();
  let everywhere: Headers;
  let coordinatorA: Headers;
  let coordinatorB: Headers;
  let adminB: Headers;
  /** The patient's visit in A with provider A, and in B with provider A too. */
  let inA: string;
  let inB: string;

  const get = (path: string, headers: Headers) => callService(url, 'GET', path, headers);
  const post = (path: string, headers: Headers, body: object) =>
    callService(url, 'POST', path, headers, body);
  const slot = (day: number, hour: number) => {
    const start = `2031-04-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
    return { start, end: start.replace(':00:00Z', ':30:00Z'), timeZone: 'UTC' };
  };
  const booking = (clinicId: string, providerId: string, day: number, hour: number) => ({
    patientId,
    providerId,
    clinicId,
    visitType: 'video',
    patientLocation: TEST_PATIENT_LOCATION,
    ...slot(day, hour),
  });
  const idOf = (response: { body: unknown }) =>
    (response.body as { appointmentId: string }).appointmentId;
  const idsOf = (response: { body: unknown }) =>
    (response.body as { appointmentId: string }[]).map((a) => a.appointmentId);

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics(
      [TOPICS.training, TOPICS.sessions, TOPICS.scheduling].map((topic) => ns.topic(topic)),
    );
    ({ app, url } = await startSchedulingApp());
    everywhere = await bearer('coordinator', randomUUID());
    coordinatorA = await bearer('coordinator', randomUUID(), { clinics: [clinicA] });
    coordinatorB = await bearer('coordinator', randomUUID(), { clinics: [clinicB] });
    adminB = await bearer('admin', randomUUID(), { clinics: [clinicB] });
    await bookableProvider({ app, url }, everywhere, providerA, { clinicId: clinicA });
    await bookableProvider({ app, url }, everywhere, providerB, { clinicId: clinicB });
    const a = await post('/api/v1/appointments', coordinatorA, booking(clinicA, providerA, 7, 9));
    const b = await post('/api/v1/appointments', coordinatorB, booking(clinicB, providerA, 7, 11));
    expect([a.status, b.status]).toEqual([201, 201]);
    inA = idOf(a);
    inB = idOf(b);
  });

  afterAll(async () => {
    await app?.close();
    await ns.dispose();
  });

  it("lists a patient's appointments of the caller's clinics only, and refuses a coordinator whose clinics the patient never visited", async () => {
    const path = `/api/v1/patients/${patientId}/appointments`;
    expect(idsOf(await get(path, coordinatorA))).toEqual([inA]);
    expect(idsOf(await get(path, coordinatorB))).toEqual([inB]);
    expect(idsOf(await get(path, adminB))).toEqual([inB]);
    expect(idsOf(await get(path, everywhere))).toEqual([inA, inB]);
    const elsewhere = await bearer('coordinator', randomUUID(), { clinics: [randomUUID()] });
    const none = await bearer('coordinator', randomUUID(), { clinics: [] });
    for (const caller of [elsewhere, none]) {
      const refused = await get(path, caller);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain(inA);
    }
    // The patient lists their own, wherever they were booked.
    expect(idsOf(await get(path, await bearer('patient', patientId)))).toEqual([inA, inB]);
  });

  it("lists a provider's appointments of the caller's clinics only", async () => {
    const path = `/api/v1/providers/${providerA}/appointments?from=2031-04-07T00:00:00Z&to=2031-04-08T00:00:00Z`;
    expect(idsOf(await get(path, coordinatorA))).toEqual([inA]);
    expect(idsOf(await get(path, coordinatorB))).toEqual([inB]);
    expect(idsOf(await get(path, await bearer('provider', providerA)))).toEqual([inA, inB]);
  });

  it("refuses every read of another clinic's appointment to its coordinators and admins", async () => {
    for (const path of [
      `/api/v1/appointments/${inA}`,
      `/api/v1/appointments/${inA}/calendar.ics`,
      `/fhir/Appointment/${inA}`,
    ]) {
      expect({ path, status: (await get(path, coordinatorA)).status }).toEqual({
        path,
        status: 200,
      });
      for (const caller of [coordinatorB, adminB]) {
        const refused = await get(path, caller);
        expect({ path, status: refused.status }).toEqual({ path, status: 403 });
        expect(refused.text).not.toContain(patientId);
      }
    }
  });

  it("changes nothing when another clinic's coordinator cancels, moves or records the appointment", async () => {
    const before = await get(`/api/v1/appointments/${inA}`, coordinatorA);
    const attempts: [string, object][] = [
      [`/api/v1/appointments/${inA}/cancel`, { reasonCode: 'patient-request' }],
      [`/api/v1/appointments/${inA}/reschedule`, { providerId: providerA, ...slot(8, 9) }],
      [`/api/v1/appointments/${inA}/check-in`, { sessionId: randomUUID() }],
      [`/api/v1/appointments/${inA}/no-show`, { sessionId: randomUUID(), absent: 'patient' }],
    ];
    for (const [path, body] of attempts)
      for (const caller of [coordinatorB, adminB])
        expect({ path, status: (await post(path, caller, body)).status }).toEqual({
          path,
          status: 403,
        });
    expect(await get(`/api/v1/appointments/${inA}`, coordinatorA)).toEqual(before);
  });

  it('books any patient into a covered clinic only, and holds no time for a refused booking', async () => {
    const newcomer = { ...booking(clinicA, providerA, 9, 9), patientId: randomUUID() };
    const refused = await post('/api/v1/appointments', coordinatorB, newcomer);
    expect(refused.status).toBe(403);
    // The time stays free: clinic A's coordinator books it for the same new patient.
    expect((await post('/api/v1/appointments', coordinatorA, newcomer)).status).toBe(201);
  });

  it("refuses a request in another clinic, and booking another clinic's request, leaving it proposed", async () => {
    const request = {
      patientId,
      clinicId: clinicA,
      visitType: 'video',
      earliest: '2031-04-10T00:00:00Z',
      latest: '2031-04-12T00:00:00Z',
      timeZone: 'UTC',
    };
    expect((await post('/api/v1/appointment-requests', coordinatorB, request)).status).toBe(403);
    const made = await post('/api/v1/appointment-requests', coordinatorA, request);
    expect(made.status).toBe(201);
    const book = `/api/v1/appointment-requests/${idOf(made)}/book`;
    const slotIn = {
      providerId: providerA,
      patientLocation: TEST_PATIENT_LOCATION,
      ...slot(10, 9),
    };
    expect((await post(book, coordinatorB, slotIn)).status).toBe(403);
    // Still a request: clinic A's coordinator books it as asked.
    expect((await post(book, coordinatorA, slotIn)).status).toBe(201);
  });

  it("refuses another clinic's waitlist entries: joining, reading and leaving, and the entry still waits", async () => {
    const entry = {
      patientId,
      clinicId: clinicA,
      visitType: 'video',
      earlierThan: '2031-04-07T09:00:00Z',
      timeZone: 'UTC',
    };
    expect((await post('/api/v1/waitlist', coordinatorB, entry)).status).toBe(403);
    const joined = await post('/api/v1/waitlist', coordinatorA, entry);
    expect(joined.status).toBe(201);
    const id = (joined.body as { waitlistEntryId: string }).waitlistEntryId;
    expect((await get(`/api/v1/waitlist/${id}`, coordinatorB)).status).toBe(403);
    const leave = await post(`/api/v1/waitlist/${id}/leave`, adminB, {
      reasonCode: 'booked-elsewhere',
    });
    expect(leave.status).toBe(403);
    expect(await get(`/api/v1/waitlist/${id}`, coordinatorA)).toMatchObject({
      status: 200,
      body: { status: 'waiting' },
    });
  });

  it("refuses another clinic's schedules and slots, and leaves the schedule where it was", async () => {
    const reads = [
      `/api/v1/providers/${providerA}/schedule`,
      `/api/v1/providers/${providerA}/slots?from=2031-04-14T00:00:00Z&to=2031-04-15T00:00:00Z&visitType=video&timeZone=UTC`,
      `/api/v1/clinics/${clinicA}/slots?from=2031-04-14T00:00:00Z&to=2031-04-15T00:00:00Z&visitType=video&timeZone=UTC`,
      `/fhir/Schedule/${providerA}`,
      `/fhir/Slot?schedule=Schedule/${providerA}&start=2031-04-14`,
    ];
    for (const path of reads) {
      expect({ path, status: (await get(path, coordinatorA)).status }).toEqual({
        path,
        status: 200,
      });
      for (const caller of [coordinatorB, adminB])
        expect({ path, status: (await get(path, caller)).status }).toEqual({ path, status: 403 });
    }
    // Patients search any provider's free times, to book.
    expect((await get(reads[1] ?? '', await bearer('patient', patientId))).status).toBe(200);

    const schedule = `/api/v1/providers/${providerA}/schedule`;
    const before = await get(schedule, coordinatorA);
    // Moving clinic A's provider into clinic B, and defining one in clinic A, are both refused.
    const moved = await callService(
      url,
      'PUT',
      schedule,
      coordinatorB,
      openScheduleBody({ clinicId: clinicB }),
    );
    expect(moved.status).toBe(403);
    const fresh = `/api/v1/providers/${randomUUID()}/schedule`;
    const defined = await callService(
      url,
      'PUT',
      fresh,
      coordinatorB,
      openScheduleBody({ clinicId: clinicA }),
    );
    expect(defined.status).toBe(403);
    expect(await get(schedule, coordinatorA)).toEqual(before);
    expect((await get(fresh, everywhere)).status).toBe(404);
  });
});
