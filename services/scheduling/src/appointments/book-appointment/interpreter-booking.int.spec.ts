import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { LedgerBookedTimeReader } from '../../booking-ledger/ledger-booked-time.reader';
import {
  bookableInterpreter,
  bookableProvider,
  credentialProvider,
  listInDirectory,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
} from '../testing/scheduling-test-app';

const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
const RESCHEDULED = 'thc.scheduling.AppointmentRescheduled.v1';

type Booked = {
  appointmentId: string;
  participants: { participantId: string; role: string; language?: string }[];
};

/** An interpreter is a person whose time a booking holds, like the provider's. */
describe('booking an interpreter', () => {
  const ns = new TestNamespace('interpreter-booking');
  let target: { app: NestExpressApplication; url: string };
  let coordinator: Record<string, string>;
  let store: MongoEventStore;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    target = await startSchedulingApp();
    store = target.app.get(MongoEventStore);
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    await target?.app.close();
    await ns.dispose();
  });

  const at = (day: number, hour: number) => {
    const start = `2031-08-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
    return { start, end: start.replace(':00:00Z', ':30:00Z') };
  };
  async function book(
    when: { start: string; end: string },
    interpreter: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown; text: string }> {
    const providerId = randomUUID();
    await bookableProvider(target, coordinator, providerId);
    return callService(target.url, 'POST', '/api/v1/appointments', coordinator, {
      patientId: randomUUID(),
      providerId,
      clinicId: randomUUID(),
      visitType: 'video',
      ...when,
      timeZone: 'UTC',
      patientLocation: TEST_PATIENT_LOCATION,
      interpreter,
    });
  }
  const interpreterOf = (body: unknown) =>
    (body as Booked).participants.find((p) => p.role === 'interpreter');
  const heldOn = (staffId: string, day: number) =>
    target.app
      .get(LedgerBookedTimeReader)
      .heldClaims(
        staffId,
        new Date(`2031-08-${day}T00:00:00Z`),
        new Date(`2031-08-${day}T23:59:00Z`),
      );

  it('holds an interpreter of the pool who speaks the language, and gives the time back on cancel', async () => {
    const ana = randomUUID();
    await bookableInterpreter(target, coordinator, ana, ['tl']);
    const first = await book(at(10, 9), { language: 'tl' });
    expect(first.status).toBe(201);
    expect(interpreterOf(first.body)).toEqual({
      participantId: ana,
      role: 'interpreter',
      language: 'tl',
    });
    // Their slot search, as a provider's, no longer offers the time they are held.
    const slots = await callService(
      target.url,
      'GET',
      `/api/v1/providers/${ana}/slots?from=2031-08-10T08:00:00Z&to=2031-08-10T11:00:00Z`,
      coordinator,
    );
    const starts = (slots.body as { slots: { start: string }[] }).slots.map((x) =>
      new Date(x.start).toISOString(),
    );
    expect(starts).toContain('2031-08-10T08:30:00.000Z');
    expect(starts).not.toContain('2031-08-10T09:00:00.000Z');
    const second = await book(at(10, 9), { language: 'tl' });
    expect(second).toMatchObject({
      status: 409,
      body: { detail: 'no interpreter of tl is free from 2031-08-10T09:00Z to 2031-08-10T09:30Z' },
    });
    const { appointmentId } = first.body as Booked;
    const cancelled = await callService(
      target.url,
      'POST',
      `/api/v1/appointments/${appointmentId}/cancel`,
      coordinator,
      { reasonCode: 'patient-request' },
    );
    expect(cancelled.status).toBe(200);
    expect(await heldOn(ana, 10)).toEqual([]);
    expect((await book(at(10, 9), { language: 'tl' })).status).toBe(201);
  });

  it('refuses a named interpreter who does not interpret the language (422) or has no current credential (409)', async () => {
    const french = randomUUID();
    await bookableInterpreter(target, coordinator, french, ['fr']);
    const wrong = await book(at(11, 9), { language: 'de', participantId: french });
    expect(wrong.status).toBe(422);
    expect((wrong.body as { detail: string }).detail).toContain('does not interpret de');
    await credentialProvider(target.app, french, '2031-08-11T09:10:00Z');
    const lapsing = await book(at(11, 9), { language: 'fr', participantId: french });
    expect(lapsing.status).toBe(409);
    expect((lapsing.body as { detail: string }).detail).toContain(
      "the interpreter's telehealth credential expires before the visit ends",
    );
    expect(
      await store.model.countDocuments({ type: BOOKED, 'data.participants.participantId': french }),
    ).toBe(0);
  });

  it('passes over an interpreter who is not at work then', async () => {
    const away = randomUUID();
    await bookableInterpreter(target, coordinator, away, ['sw'], {
      exceptions: [{ date: '2031-08-12', kind: 'closed' }],
    });
    const refused = await book(at(12, 9), { language: 'sw' });
    expect(refused.status).toBe(409);
    expect((await book(at(13, 9), { language: 'sw' })).status).toBe(201);
  });

  it('on demand, holds nobody and records the request', async () => {
    const booked = await book(at(14, 9), { language: 'so', onDemand: true });
    expect(booked).toMatchObject({
      status: 201,
      body: { interpreterOnDemand: { language: 'so' } },
    });
    expect(interpreterOf(booked.body)).toBeUndefined();
    const { appointmentId } = booked.body as Booked;
    const [event] = await store.model
      .find({ type: BOOKED, streamId: `appointment-${appointmentId}` })
      .lean();
    expect(event?.data).toMatchObject({ interpreterRequest: { onDemand: true } });
    const fhir = await callService(
      target.url,
      'GET',
      `/fhir/Appointment/${appointmentId}`,
      coordinator,
    );
    expect((fhir.body as { participant: unknown[] }).participant).toContainEqual(
      expect.objectContaining({ status: 'needs-action' }),
    );
    const both = await book(at(14, 10), {
      language: 'so',
      onDemand: true,
      participantId: randomUUID(),
    });
    expect(both.status).toBe(422);
  });

  it('moves the interpreter with the visit, drawing another when theirs is taken then', async () => {
    const [a, b] = [randomUUID(), randomUUID()].sort();
    await bookableInterpreter(target, coordinator, a!, ['am']);
    await bookableInterpreter(target, coordinator, b!, ['am']);
    const moving = await book(at(15, 9), { language: 'am', participantId: a });
    expect(interpreterOf(moving.body)?.participantId).toBe(a);
    // At 11:00, interpreter a is taken by another visit.
    expect(
      interpreterOf((await book(at(15, 11), { language: 'am', participantId: a })).body)
        ?.participantId,
    ).toBe(a);
    const { appointmentId } = moving.body as Booked;
    const provider = (
      await callService(target.url, 'GET', `/api/v1/appointments/${appointmentId}`, coordinator)
    ).body as { providerId: string };
    const moved = await callService(
      target.url,
      'POST',
      `/api/v1/appointments/${appointmentId}/reschedule`,
      coordinator,
      { providerId: provider.providerId, ...at(15, 11), timeZone: 'UTC' },
    );
    expect(moved.status).toBe(200);
    expect(interpreterOf(moved.body)?.participantId).toBe(b);
    const [event] = await store.model
      .find({ type: RESCHEDULED, streamId: `appointment-${appointmentId}` })
      .lean();
    expect(event?.data).toMatchObject({ interpreterId: b });
    // Interpreter a's 09:00 is free again; b holds 11:00 for the moved visit.
    expect((await heldOn(a!, 15)).map((c) => c.visitStart)).toEqual(['2031-08-15T11:00:00.000Z']);
    expect((await heldOn(b!, 15)).map((c) => c.appointmentId)).toEqual([appointmentId]);
  });

  it('refuses an interpreter the directory does not know, with 422', async () => {
    const unknown = await book(at(16, 9), { language: 'es', participantId: randomUUID() });
    expect(unknown.status).toBe(422);
    expect((unknown.body as { detail: string }).detail).toContain('is not in the directory');
  });

  it('never books a staff member as interpreter while they are booked as provider, nor of their own visit', async () => {
    const both = randomUUID();
    await bookableInterpreter(target, coordinator, both, ['yo']);
    await listInDirectory(target.app, both, {
      functions: ['interpreter', 'provider'],
      languages: ['yo'],
    });
    const asProvider = await callService(target.url, 'POST', '/api/v1/appointments', coordinator, {
      patientId: randomUUID(),
      providerId: both,
      clinicId: randomUUID(),
      visitType: 'video',
      ...at(17, 9),
      timeZone: 'UTC',
      patientLocation: TEST_PATIENT_LOCATION,
    });
    expect(asProvider.status).toBe(201);
    expect((await book(at(17, 9), { language: 'yo' })).status).toBe(409);
    const ownInterpreter = await callService(
      target.url,
      'POST',
      '/api/v1/appointments',
      coordinator,
      {
        patientId: randomUUID(),
        providerId: both,
        clinicId: randomUUID(),
        visitType: 'video',
        ...at(17, 11),
        timeZone: 'UTC',
        patientLocation: TEST_PATIENT_LOCATION,
        interpreter: { language: 'yo', participantId: both },
      },
    );
    expect(ownInterpreter.status).toBe(422);
  });
});
