import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { BookingLedger } from '../../booking-ledger/booking-ledger';
import { LedgerBookedTimeReader } from '../../booking-ledger/ledger-booked-time.reader';
import {
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
  testClock,
} from '../testing/scheduling-test-app';
import { postOnNewConnection } from '../testing/post-on-new-connection';

const BOOKED = 'thc.scheduling.AppointmentBooked.v1';

describe('no double booking, ever', () => {
  const ns = new TestNamespace('no-double-booking');
  // Two instances of the service on one database, as two pods behind a load balancer.
  let first: { app: NestExpressApplication; url: string };
  let second: { app: NestExpressApplication; url: string };
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    first = await startSchedulingApp();
    second = await startSchedulingApp();
    coordinator = await bearer('coordinator', randomUUID());
  });

  afterAll(async () => {
    await Promise.all([first?.app.close(), second?.app.close()]);
    await ns.dispose();
  });

  // Every provider here keeps 10 minutes free after each visit.
  const bookable = (providerId: string) =>
    bookableProvider(first, coordinator, providerId, { bufferMinutes: { before: 0, after: 10 } });

  const slot = (providerId: string, start: string, end: string, patientId = randomUUID()) => ({
    patientId,
    providerId,
    clinicId: randomUUID(),
    visitType: 'video',
    start,
    end,
    timeZone: 'America/New_York',
    patientLocation: TEST_PATIENT_LOCATION,
  });

  it('200 concurrent bookings of one slot from separate connections on two instances: one 201, 199 409, one AppointmentBooked', async () => {
    const providerId = randomUUID();
    await bookable(providerId);
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postOnNewConnection(
          i % 2 === 0 ? first.url : second.url,
          '/api/v1/appointments',
          coordinator,
          // A different patient each time: only the provider's time is contended.
          slot(providerId, '2031-05-05T14:00:00Z', '2031-05-05T14:30:00Z'),
        ),
      ),
    );
    const elapsed = Date.now() - started;
    const statuses = outcomes.map((o) => o.status);
    const count = (status: number) => statuses.filter((s) => s === status).length;
    const reasons = new Map<string, number>();
    for (const o of outcomes.filter((x) => x.status === 409)) {
      const detail = (JSON.parse(o.body) as { detail: string }).detail;
      reasons.set(detail, (reasons.get(detail) ?? 0) + 1);
    }
    process.stdout.write(
      `200 concurrent bookings: ${count(201)} x 201, ${count(409)} x 409 in ${elapsed} ms; ` +
        `409 details: ${JSON.stringify(Object.fromEntries(reasons))}\n`,
    );
    expect({ created: count(201), conflicts: count(409) }).toEqual({ created: 1, conflicts: 199 });
    const refusal = JSON.parse(outcomes.find((o) => o.status === 409)!.body) as { detail: string };
    expect(refusal.detail).toMatch(/provider's time is already booked|held by another visit/);

    const booked = await first.app
      .get(MongoEventStore)
      .model.find({ type: BOOKED, 'data.providerId': providerId })
      .lean();
    expect(booked).toHaveLength(1);
    const winner = JSON.parse(outcomes.find((o) => o.status === 201)!.body) as {
      appointmentId: string;
    };
    expect(booked[0]!.streamId).toBe(`appointment-${winner.appointmentId}`);
    const held = await first.app
      .get(LedgerBookedTimeReader)
      .heldClaims(providerId, new Date('2031-05-05T00:00:00Z'), new Date('2031-05-06T00:00:00Z'));
    expect(held).toEqual([
      expect.objectContaining({
        appointmentId: winner.appointmentId,
        visitStart: '2031-05-05T14:00:00.000Z',
        visitEnd: '2031-05-05T14:30:00.000Z',
        start: '2031-05-05T14:00:00.000Z',
        end: '2031-05-05T14:40:00.000Z',
      }),
    ]);
  });

  it('honours the buffer after a visit, and lets a visit touch the buffer end', async () => {
    const providerId = randomUUID();
    await bookable(providerId);
    const post = (start: string, end: string) =>
      postOnNewConnection(
        first.url,
        '/api/v1/appointments',
        coordinator,
        slot(providerId, start, end),
      );
    expect((await post('2031-05-06T09:00:00Z', '2031-05-06T09:30:00Z')).status).toBe(201);
    expect((await post('2031-05-06T09:35:00Z', '2031-05-06T10:05:00Z')).status).toBe(409);
    expect((await post('2031-05-06T09:40:00Z', '2031-05-06T10:10:00Z')).status).toBe(201);
  });

  it('refuses a patient two overlapping visits with different providers', async () => {
    const patientId = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    await bookable(a);
    await bookable(b);
    const one = await postOnNewConnection(
      first.url,
      '/api/v1/appointments',
      coordinator,
      slot(a, '2031-05-07T09:00:00Z', '2031-05-07T09:30:00Z', patientId),
    );
    expect(one.status).toBe(201);
    const two = await postOnNewConnection(
      second.url,
      '/api/v1/appointments',
      coordinator,
      slot(b, '2031-05-07T09:15:00Z', '2031-05-07T09:45:00Z', patientId),
    );
    expect(two.status).toBe(409);
    expect(JSON.parse(two.body)).toMatchObject({
      detail: 'the patient already has an appointment overlapping this visit',
    });
    // The provider's claim made before the patient's was refused is given back.
    const freed = await first.app
      .get(LedgerBookedTimeReader)
      .bookedIntervals(b, new Date('2031-05-07T00:00:00Z'), new Date('2031-05-08T00:00:00Z'));
    expect(freed).toEqual([]);
  });

  it('holds both days of a visit across midnight, and frees the time when cancelled', async () => {
    const providerId = randomUUID();
    await bookable(providerId);
    const late = await postOnNewConnection(
      first.url,
      '/api/v1/appointments',
      coordinator,
      slot(providerId, '2031-05-08T23:45:00Z', '2031-05-09T00:15:00Z'),
    );
    expect(late.status).toBe(201);
    const early = slot(providerId, '2031-05-09T00:00:00Z', '2031-05-09T00:30:00Z');
    expect(
      (await postOnNewConnection(second.url, '/api/v1/appointments', coordinator, early)).status,
    ).toBe(409);
    const { appointmentId } = JSON.parse(late.body) as { appointmentId: string };
    const cancelled = await postOnNewConnection(
      first.url,
      `/api/v1/appointments/${appointmentId}/cancel`,
      coordinator,
      { reasonCode: 'provider-unavailable' },
    );
    expect(cancelled.status).toBe(200);
    expect(
      (await postOnNewConnection(second.url, '/api/v1/appointments', coordinator, early)).status,
    ).toBe(201);
  });

  it('treats a claim whose booking died as free once it is older than the timeout, not before', async () => {
    const providerId = randomUUID();
    await bookable(providerId);
    const ledger = first.app.get(BookingLedger);
    const orphan = (appointmentId: string, start: string, end: string) => ({
      appointmentId,
      visitStart: start,
      visitEnd: end,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    // A process claimed 10:00 two minutes ago and died before appending AppointmentBooked.
    await ledger.claim(
      { kind: 'provider', id: providerId },
      orphan(randomUUID(), '2031-05-10T10:00:00Z', '2031-05-10T10:30:00Z'),
      new Date(testClock().getTime() - 120_000),
    );
    // Another one claimed 11:00 a moment ago and may still be booking.
    await ledger.claim(
      { kind: 'provider', id: providerId },
      orphan(randomUUID(), '2031-05-10T11:00:00Z', '2031-05-10T11:30:00Z'),
      testClock(),
    );
    const post = (start: string, end: string) =>
      postOnNewConnection(
        first.url,
        '/api/v1/appointments',
        coordinator,
        slot(providerId, start, end),
      );
    expect((await post('2031-05-10T10:00:00Z', '2031-05-10T10:30:00Z')).status).toBe(201);
    expect((await post('2031-05-10T11:00:00Z', '2031-05-10T11:30:00Z')).status).toBe(409);
  });
});
