import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, expectValidFhir, hostileBodies, TestNamespace, walkRoutes } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { call } from './testing/http-client';
import {
  bookableInterpreter,
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
  testClock,
} from './testing/scheduling-test-app';

const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';

describe('appointments over HTTP', () => {
  const ns = new TestNamespace('appt-lifecycle');
  let app: NestExpressApplication;
  let url: string;
  let store: MongoEventStore;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    ({ app, url } = await startSchedulingApp());
    store = app.get(MongoEventStore);
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await app?.close();
    await ns.dispose();
  });

  const typesOf = async (id: string) =>
    (await store.load(`appointment-${id}`)).map((e) => e.type.split('.')[2]);
  const inMinutes = (minutes: number) =>
    new Date(testClock().getTime() + minutes * 60_000).toISOString();
  const scheduled = new Set<string>();

  async function book(overrides: Record<string, unknown> = {}, headers = coordinator) {
    const providerId = (overrides['providerId'] as string | undefined) ?? randomUUID();
    if (!scheduled.has(providerId)) await bookableProvider({ app, url }, coordinator, providerId);
    scheduled.add(providerId);
    const response = await call(url, 'POST', '/api/v1/appointments', headers, {
      patientId: randomUUID(),
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      start: '2031-03-10T09:00:00-04:00',
      end: '2031-03-10T09:30:00-04:00',
      timeZone: 'America/New_York',
      patientLocation: TEST_PATIENT_LOCATION,
      ...overrides,
    });
    return response as {
      status: number;
      body: Record<string, unknown> & {
        appointmentId: string;
        patientId: string;
        providerId: string;
      };
    };
  }

  it('every route declares who may call it', () => {
    const routes = walkRoutes(app);
    // The walk reaches the parts the appointments module brings along, the waitlist included.
    expect(routes.map((route) => route.route)).toEqual(
      expect.arrayContaining(
        [
          'POST /api/v1/waitlist ',
          'GET /api/v1/waitlist/:id ',
          'POST /api/v1/waitlist/:id/leave ',
        ].map((route) => expect.stringContaining(route)),
      ),
    );
    expect(routes.filter((route) => !route.policy).map((route) => route.route)).toEqual([]);
  });

  it('a patient books for themselves with an interpreter, but not for someone else', async () => {
    const patientId = randomUUID();
    const interpreter = { participantId: randomUUID(), language: 'es' };
    await bookableInterpreter({ app, url }, coordinator, interpreter.participantId, ['es']);
    const own = await book({ patientId, interpreter }, await bearer('patient', patientId));
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({
      status: 'booked',
      participants: [
        { participantId: patientId, role: 'patient' },
        { role: 'provider' },
        { ...interpreter, role: 'interpreter' },
      ],
    });
    const other = await book({}, await bearer('patient', patientId));
    expect(other).toMatchObject({
      status: 403,
      body: { detail: 'patients can reach only their own records' },
    });
  });

  it('reschedules keeping the history, checks in, completes; then refuses a cancel with 409', async () => {
    const booked = await book();
    const id = booked.body.appointmentId;
    const provider = await bearer('provider', booked.body.providerId);
    const moved = await call(url, 'POST', `/api/v1/appointments/${id}/reschedule`, provider, {
      providerId: booked.body.providerId,
      start: '2031-03-11T10:00:00-04:00',
      end: '2031-03-11T10:30:00-04:00',
      timeZone: 'America/New_York',
    });
    expect(moved).toMatchObject({
      status: 200,
      body: {
        start: '2031-03-11T10:00:00-04:00',
        history: [{ start: '2031-03-10T09:00:00-04:00', end: '2031-03-10T09:30:00-04:00' }],
      },
    });
    // The old time is free again for someone else.
    expect((await book({ providerId: booked.body.providerId })).status).toBe(201);

    const sessionId = randomUUID();
    const checkIn = await call(url, 'POST', `/api/v1/appointments/${id}/check-in`, provider, {
      sessionId,
    });
    expect(checkIn).toMatchObject({ status: 200, body: { status: 'arrived', sessionId } });
    const done = await call(url, 'POST', `/api/v1/appointments/${id}/complete`, provider, {
      sessionId,
      startedAt: inMinutes(-30),
      endedAt: inMinutes(-1),
    });
    expect(done).toMatchObject({ status: 200, body: { status: 'fulfilled' } });
    const cancel = await call(url, 'POST', `/api/v1/appointments/${id}/cancel`, coordinator, {
      reasonCode: 'other',
    });
    expect(cancel).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { detail: 'cannot cancel an appointment whose status is fulfilled' },
    });
    expect(await typesOf(id)).toEqual([
      'AppointmentBooked',
      'AppointmentRescheduled',
      'AppointmentCheckedIn',
      'AppointmentCompleted',
    ]);
  });

  it("books only inside the provider's schedule, and a changed schedule never moves a booked visit", async () => {
    const providerId = randomUUID();
    await bookableProvider({ app, url }, coordinator, providerId, { timeZone: 'America/New_York' });
    scheduled.add(providerId);
    const outside = await book({
      providerId,
      start: '2031-03-10T09:00:00-04:00',
      end: '2031-03-10T09:45:00-04:00',
    });
    expect(outside).toMatchObject({
      status: 409,
      body: { detail: 'outside-availability: a video visit lasts 30 minutes' },
    });
    const booked = await book({ providerId });
    expect(booked.status).toBe(201);

    // The provider now works only afternoons; the morning visit stays where it was.
    await bookableProvider({ app, url }, coordinator, providerId, {
      timeZone: 'America/New_York',
      weeklyRules: (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((weekday) => ({
        weekday,
        start: '13:00',
        end: '17:00',
        visitTypes: ['video', 'audio'],
      })),
    });
    const read = await call(
      url,
      'GET',
      `/api/v1/appointments/${booked.body.appointmentId}`,
      coordinator,
    );
    expect(read).toMatchObject({
      status: 200,
      body: {
        status: 'booked',
        start: '2031-03-10T09:00:00-04:00',
        end: '2031-03-10T09:30:00-04:00',
      },
    });
    expect(await typesOf(booked.body.appointmentId)).toEqual(['AppointmentBooked']);
    // New bookings follow the new rules.
    const morning = await book({
      providerId,
      start: '2031-03-11T09:00:00-04:00',
      end: '2031-03-11T09:30:00-04:00',
    });
    expect(morning).toMatchObject({
      status: 409,
      body: { detail: "outside-availability: not within the provider's video hours" },
    });
    const afternoon = await book({
      providerId,
      start: '2031-03-11T13:00:00-04:00',
      end: '2031-03-11T13:30:00-04:00',
    });
    expect(afternoon.status).toBe(201);
  });

  it('a late cancellation by the patient carries the reason sealed, never in clear', async () => {
    const booked = await book({ start: inMinutes(120), end: inMinutes(150) });
    expect(`${booked.status} ${JSON.stringify(booked.body)}`).toMatch(/^201 /);
    const patient = await bearer('patient', booked.body.patientId);
    const text = 'feeling too unwell after chemotherapy';
    const cancelled = await call(
      url,
      'POST',
      `/api/v1/appointments/${booked.body.appointmentId}/cancel`,
      patient,
      {
        reasonCode: 'patient-request',
        reason: text,
      },
    );
    expect(cancelled).toMatchObject({
      status: 200,
      body: { status: 'cancelled', cancellation: { late: true } },
    });
    const [, event] = await store.load(`appointment-${booked.body.appointmentId}`);
    expect(event!.data).toMatchObject({
      reasonCode: 'patient-request',
      late: true,
      reason: { alg: 'AES-256-GCM' },
    });
    expect(
      JSON.stringify(await store.model.find({ streamId: event!.streamId }).lean()),
    ).not.toContain('chemotherapy');
  });

  it('records a patient no-show once the visit has started, not before', async () => {
    // The provider's schedule first: set up inside `book`, it could outlast the few seconds
    // before the visit's start, and a start already past is refused.
    const providerId = randomUUID();
    await bookableProvider({ app, url }, coordinator, providerId);
    scheduled.add(providerId);
    const start = inMinutes(0.1);
    const booked = await book({ providerId, start, end: inMinutes(30.1) });
    expect(`${booked.status} ${JSON.stringify(booked.body)}`).toMatch(/^201 /);
    const id = booked.body.appointmentId;
    await sleep(Math.max(0, Date.parse(start) - testClock().getTime()) + 500);
    const noShow = await call(url, 'POST', `/api/v1/appointments/${id}/no-show`, coordinator, {
      sessionId: randomUUID(),
      absent: 'patient',
    });
    expect(noShow).toMatchObject({ status: 200, body: { status: 'noshow', noShow: 'patient' } });
    const again = await call(url, 'POST', `/api/v1/appointments/${id}/check-in`, coordinator, {
      sessionId: randomUUID(),
    });
    expect(again.status).toBe(409);
  });

  it('reads as JSON, FHIR R4 and iCalendar, each read recorded as PhiAccessed', async () => {
    const booked = await book({ visitType: 'audio' });
    const { appointmentId: id, patientId, providerId } = booked.body;
    const provider = await bearer('provider', providerId);

    const read = await call(url, 'GET', `/api/v1/appointments/${id}`, provider);
    expect(read).toMatchObject({ status: 200, body: { appointmentId: id, status: 'booked' } });

    const fhir = await call(url, 'GET', `/fhir/Appointment/${id}`, provider);
    expect(fhir.status).toBe(200);
    expect(fhir.type).toContain('application/fhir+json');
    expectValidFhir(fhir.body);
    expect(fhir.body).toMatchObject({
      status: 'booked',
      start: '2031-03-10T13:00:00.000Z',
      serviceType: [{ coding: [{ code: 'audio' }] }],
      participant: expect.arrayContaining([
        expect.objectContaining({
          actor: { reference: `Patient/${patientId}` },
          status: 'accepted',
        }),
        // Named as the directory names the provider; the clinic is one it does not list.
        expect.objectContaining({
          actor: {
            reference: `Practitioner/${providerId}`,
            display: `Dr. Pat Tester-${providerId.slice(0, 8)}`,
          },
        }),
        expect.objectContaining({
          actor: { reference: `Location/${String(booked.body.clinicId)}` },
        }),
      ]),
    });

    const ics = await call(url, 'GET', `/api/v1/appointments/${id}/calendar.ics`, provider);
    expect(ics.status).toBe(200);
    expect(ics.type).toContain('text/calendar');
    expect(ics.text).toContain('DTSTART:20310310T130000Z\r\n');
    expect(ics.text).not.toContain(patientId);

    // The provider's reads; the booking's answer is the coordinator's own disclosure.
    const accesses = (await store.load(`phi-access-${patientId}`)).filter(
      (e) => e.type === PHI_ACCESSED && (e.data as { actorId: string }).actorId === providerId,
    );
    expect(accesses.map((e) => (e.data as { action: string }).action)).toEqual([
      'read',
      'read',
      'export',
    ]);
    expect(accesses[0]!.data).toMatchObject({
      actorId: providerId,
      role: 'provider',
      resourceId: id,
      purpose: 'treatment',
    });
  });

  it("lets only the appointment's own patient and provider, or staff, read it", async () => {
    const booked = await book();
    const path = `/api/v1/appointments/${booked.body.appointmentId}`;
    expect(
      (await call(url, 'GET', path, await bearer('patient', booked.body.patientId))).status,
    ).toBe(200);
    expect((await call(url, 'GET', path, await bearer('patient', randomUUID()))).status).toBe(403);
    expect((await call(url, 'GET', path, await bearer('provider', randomUUID()))).status).toBe(403);
    expect((await call(url, 'GET', path, await bearer('analyst', randomUUID()))).status).toBe(403);
    expect(
      (await call(url, 'GET', `/api/v1/appointments/${randomUUID()}`, coordinator)).status,
    ).toBe(404);
  });

  it("lists a patient's and a provider's appointments", async () => {
    const patientId = randomUUID();
    const providerId = randomUUID();
    const one = await book({ patientId, providerId });
    await book({
      patientId,
      providerId,
      start: '2031-03-12T09:00:00-04:00',
      end: '2031-03-12T09:30:00-04:00',
    });
    const mine = await call(
      url,
      'GET',
      `/api/v1/patients/${patientId}/appointments`,
      await bearer('patient', patientId),
    );
    expect(mine.status).toBe(200);
    expect((mine.body as unknown[]).length).toBe(2);
    const day = await call(
      url,
      'GET',
      `/api/v1/providers/${providerId}/appointments?from=2031-03-10T00:00:00Z&to=2031-03-11T00:00:00Z`,
      await bearer('provider', providerId),
    );
    expect(day).toMatchObject({ status: 200, body: [{ appointmentId: one.body.appointmentId }] });
    const stranger = await call(
      url,
      'GET',
      `/api/v1/patients/${patientId}/appointments`,
      await bearer('provider', randomUUID()),
    );
    expect(stranger.status).toBe(403);
  });

  describe('hostile input', () => {
    const valid = {
      patientId: randomUUID(),
      providerId: randomUUID(),
      clinicId: randomUUID(),
      visitType: 'video',
      start: '2031-06-01T09:00:00Z',
      end: '2031-06-01T09:30:00Z',
      timeZone: 'Europe/London',
      patientLocation: TEST_PATIENT_LOCATION,
    };

    it('answers every hostile booking body with 400 problem+json and writes no event', async () => {
      await bookableProvider({ app, url }, coordinator, valid.providerId);
      const before = await store.model.countDocuments();
      const outcomes = await Promise.all(
        hostileBodies(valid).map(async ({ label, body }) => {
          const response = await call(url, 'POST', '/api/v1/appointments', coordinator, body);
          return { label, status: response.status, type: response.type };
        }),
      );
      for (const outcome of outcomes) {
        expect({ label: outcome.label, status: outcome.status }).toEqual({
          label: outcome.label,
          status: 400,
        });
        expect(outcome.type).toContain('application/problem+json');
      }
      expect(await store.model.countDocuments()).toBe(before);
      expect(
        await store.model.countDocuments({ type: BOOKED, 'data.providerId': valid.providerId }),
      ).toBe(0);
      // The valid body itself is accepted: the refusals were about the hostile parts.
      expect((await call(url, 'POST', '/api/v1/appointments', coordinator, valid)).status).toBe(
        201,
      );
    });

    it.each([
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
      ['an interpreter without a language', { interpreter: { participantId: randomUUID() } }],
      ['a null caregiver', { caregiverId: null }],
    ])('refuses %s with 400', async (_, change) => {
      const response = await call(url, 'POST', '/api/v1/appointments', coordinator, {
        ...valid,
        ...change,
      });
      expect(response.status).toBe(400);
    });
  });
});
