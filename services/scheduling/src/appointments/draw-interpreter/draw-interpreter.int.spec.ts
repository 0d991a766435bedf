import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { LedgerBookedTimeReader } from '../../booking-ledger/ledger-booked-time.reader';
import {
  bookableInterpreter,
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
  testClock,
} from '../testing/scheduling-test-app';

const ASSIGNED = 'thc.scheduling.InterpreterAssigned.v1';

type Appointment = {
  appointmentId: string;
  providerId: string;
  participants: { participantId: string; role: string; language?: string }[];
};

/** An interpreter asked for on demand is drawn from the pool when the visit needs them. */
describe('drawing an interpreter at visit time', () => {
  const ns = new TestNamespace('draw-interpreter');
  let target: { app: NestExpressApplication; url: string };
  let coordinator: Record<string, string>;
  let store: MongoEventStore;
  // Bookings run on the tests' clock; a draw sets "now" inside the visit.
  let drawAt: number | undefined;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    target = await startSchedulingApp({
      clock: () => (drawAt === undefined ? testClock() : new Date(drawAt)),
    });
    store = target.app.get(MongoEventStore);
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterEach(() => {
    drawAt = undefined;
  });

  afterAll(async () => {
    await target?.app.close();
    await ns.dispose();
  });

  const at = (day: number) => ({
    start: `2031-08-${day}T09:00:00Z`,
    end: `2031-08-${day}T09:30:00Z`,
  });
  async function book(day: number, interpreter?: Record<string, unknown>): Promise<Appointment> {
    const providerId = randomUUID();
    await bookableProvider(target, coordinator, providerId);
    const booked = await callService(target.url, 'POST', '/api/v1/appointments', coordinator, {
      patientId: randomUUID(),
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      ...at(day),
      timeZone: 'UTC',
      patientLocation: TEST_PATIENT_LOCATION,
      ...(interpreter ? { interpreter } : {}),
    });
    expect(booked.status).toBe(201);
    return booked.body as Appointment;
  }
  const draw = (
    appointmentId: string,
    caller: Record<string, string>,
    body: Record<string, unknown> = {},
  ) =>
    callService(
      target.url,
      'POST',
      `/api/v1/appointments/${appointmentId}/interpreter`,
      caller,
      body,
    );
  const heldOn = (staffId: string, day: number) =>
    target.app
      .get(LedgerBookedTimeReader)
      .heldClaims(
        staffId,
        new Date(`2031-08-${day}T00:00:00Z`),
        new Date(`2031-08-${day}T23:59:00Z`),
      );

  it('draws a free interpreter of the language for the rest of the visit, once', async () => {
    const ana = randomUUID();
    await bookableInterpreter(target, coordinator, ana, ['tl']);
    const visit = await book(10, { language: 'tl', onDemand: true });
    drawAt = Date.parse('2031-08-10T09:10:00Z');
    const drawn = await draw(visit.appointmentId, await bearer('provider', visit.providerId));
    expect(drawn.status).toBe(200);
    expect((drawn.body as Appointment).participants).toContainEqual({
      participantId: ana,
      role: 'interpreter',
      language: 'tl',
    });
    // The request is met: nothing is left to draw, in the API or the FHIR view.
    expect(drawn.body).not.toHaveProperty('interpreterOnDemand');
    const fhir = await callService(
      target.url,
      'GET',
      `/fhir/Appointment/${visit.appointmentId}`,
      coordinator,
    );
    expect((fhir.body as { participant: unknown[] }).participant).not.toContainEqual(
      expect.objectContaining({ status: 'needs-action' }),
    );
    const [event] = await store.model
      .find({ type: ASSIGNED, streamId: `appointment-${visit.appointmentId}` })
      .lean();
    expect(event?.data).toMatchObject({
      interpreterId: ana,
      start: '2031-08-10T09:10:00.000Z',
      end: '2031-08-10T09:30:00Z',
    });
    expect(JSON.stringify(event?.data)).not.toContain('tl');
    expect(await heldOn(ana, 10)).toEqual([
      expect.objectContaining({
        appointmentId: visit.appointmentId,
        start: '2031-08-10T09:10:00.000Z',
        visitStart: '2031-08-10T09:00:00.000Z',
      }),
    ]);
    const again = await draw(visit.appointmentId, coordinator);
    expect(again.status).toBe(409);
    expect((again.body as { detail: string }).detail).toContain('already has an interpreter');
  });

  it('refuses with 409 naming the language when none is free, and cancel frees the drawn one', async () => {
    const ben = randomUUID();
    await bookableInterpreter(target, coordinator, ben, ['sw']);
    const first = await book(11, { language: 'sw', onDemand: true });
    const second = await book(11, { language: 'sw', onDemand: true });
    drawAt = Date.parse('2031-08-11T09:05:00Z');
    expect((await draw(first.appointmentId, coordinator)).status).toBe(200);
    const none = await draw(second.appointmentId, coordinator);
    expect(none).toMatchObject({
      status: 409,
      body: { detail: 'no interpreter of sw is free from 2031-08-11T09:05Z to 2031-08-11T09:30Z' },
    });
    const cancelled = await callService(
      target.url,
      'POST',
      `/api/v1/appointments/${first.appointmentId}/cancel`,
      coordinator,
      { reasonCode: 'technical' },
    );
    expect(cancelled.status).toBe(200);
    expect(await heldOn(ben, 11)).toEqual([]);
    expect((await draw(second.appointmentId, coordinator)).status).toBe(200);
    expect((await heldOn(ben, 11)).map((c) => c.appointmentId)).toEqual([second.appointmentId]);
  });

  it('draws for a visit booked without an interpreter only with a language, and never after it ended', async () => {
    const cy = randomUUID();
    await bookableInterpreter(target, coordinator, cy, ['so']);
    const visit = await book(12);
    drawAt = Date.parse('2031-08-12T08:50:00Z');
    const noLanguage = await draw(visit.appointmentId, coordinator);
    expect(noLanguage.status).toBe(422);
    expect((noLanguage.body as { detail: string }).detail).toMatch(/^language: /);
    const bad = await draw(visit.appointmentId, coordinator, { language: 'not a tag' });
    expect(bad.status).toBe(400);
    const ended = await book(13, { language: 'so', onDemand: true });
    drawAt = Date.parse('2031-08-13T09:30:00Z');
    expect((await draw(ended.appointmentId, coordinator)).status).toBe(409);
    drawAt = Date.parse('2031-08-12T08:50:00Z');
    const drawn = await draw(visit.appointmentId, coordinator, { language: 'so' });
    expect(drawn.status).toBe(200);
    // Drawn before the visit: held from its start.
    expect((await heldOn(cy, 12)).map((c) => c.start)).toEqual(['2031-08-12T09:00:00.000Z']);
  });

  it('refuses staff of another clinic, the patient, and another provider', async () => {
    const visit = await book(14, { language: 'ha', onDemand: true });
    drawAt = Date.parse('2031-08-14T09:05:00Z');
    const foreign = await bearer('coordinator', randomUUID(), { clinics: [randomUUID()] });
    expect((await draw(visit.appointmentId, foreign)).status).toBe(403);
    expect((await draw(visit.appointmentId, await bearer('provider', randomUUID()))).status).toBe(
      403,
    );
    const patient = visit.participants.find((p) => p.role === 'patient')!.participantId;
    expect((await draw(visit.appointmentId, await bearer('patient', patient))).status).toBe(403);
  });

  it('gives one interpreter to exactly one of 20 visits drawing at once', async () => {
    const only = randomUUID();
    await bookableInterpreter(target, coordinator, only, ['ig']);
    const visits: Appointment[] = [];
    for (let i = 0; i < 20; i += 5)
      visits.push(
        ...(await Promise.all(
          Array.from({ length: 5 }, () => book(15, { language: 'ig', onDemand: true })),
        )),
      );
    drawAt = Date.parse('2031-08-15T09:02:00Z');
    const outcomes = await Promise.all(visits.map((v) => draw(v.appointmentId, coordinator)));
    const statuses = outcomes.map((o) => o.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await heldOn(only, 15)).toHaveLength(1);
    expect(await store.model.countDocuments({ type: ASSIGNED, 'data.interpreterId': only })).toBe(
      1,
    );
  });
});
