import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { LedgerBookedTimeReader } from '../../booking-ledger/ledger-booked-time.reader';
import {
  bookableInterpreter,
  bookableProvider,
  listInDirectory,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
} from '../testing/scheduling-test-app';
import { postOnNewConnection } from '../testing/post-on-new-connection';

const BOOKED = 'thc.scheduling.AppointmentBooked.v1';

/**
 * Interpreters are booked people with the providers' guarantee: 200 bookings at once, each with
 * its own patient and its own provider, all asking for a Spanish interpreter at the same time,
 * on two instances of the service sharing one database. Only the interpreters' time is
 * contended: exactly as many bookings as there are interpreters succeed.
 */
describe('no interpreter is ever booked twice at once', () => {
  const ns = new TestNamespace('no-double-interpreter');
  let first: { app: NestExpressApplication; url: string };
  let second: { app: NestExpressApplication; url: string };
  let coordinator: Record<string, string>;
  const providers = Array.from({ length: 200 }, () => randomUUID());

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    await ns.createTopics([ns.topic(TOPICS.training), ns.topic(TOPICS.sessions)]);
    first = await startSchedulingApp();
    second = await startSchedulingApp();
    coordinator = await bearer('coordinator', randomUUID());
    for (let i = 0; i < providers.length; i += 20)
      await Promise.all(
        providers.slice(i, i + 20).map((id) => bookableProvider(first, coordinator, id)),
      );
  }, 300_000);

  afterAll(async () => {
    await Promise.all([first?.app.close(), second?.app.close()]);
    await ns.dispose();
  });

  /** 200 bookings at once, each with its own patient and provider, the same time and ask. */
  async function race(start: string, end: string, interpreter: Record<string, unknown>) {
    const outcomes = await Promise.all(
      providers.map((providerId, i) =>
        postOnNewConnection(
          i % 2 === 0 ? first.url : second.url,
          '/api/v1/appointments',
          coordinator,
          {
            patientId: randomUUID(),
            providerId,
            clinicId: randomUUID(),
            visitType: 'video',
            start,
            end,
            timeZone: 'UTC',
            patientLocation: TEST_PATIENT_LOCATION,
            interpreter,
          },
        ),
      ),
    );
    const count = (status: number) => outcomes.filter((o) => o.status === status).length;
    const details = new Map<string, number>();
    for (const o of outcomes.filter((x) => x.status === 409)) {
      const detail = (JSON.parse(o.body) as { detail: string }).detail;
      details.set(detail, (details.get(detail) ?? 0) + 1);
    }
    process.stdout.write(
      `200 bookings asking ${JSON.stringify(interpreter)}: ${count(201)} x 201, ${count(409)} x 409; ` +
        `409 details: ${JSON.stringify(Object.fromEntries(details))}\n`,
    );
    const won = outcomes
      .filter((o) => o.status === 201)
      .map(
        (o) =>
          JSON.parse(o.body) as {
            appointmentId: string;
            participants: { participantId: string; role: string }[];
          },
      );
    return { created: count(201), conflicts: count(409), won, details };
  }

  /** The interpreter's claims on that day, and the AppointmentBooked events naming them. */
  async function heldBy(interpreterId: string, day: string) {
    const claims = await first.app
      .get(LedgerBookedTimeReader)
      .heldClaims(interpreterId, new Date(`${day}T00:00:00Z`), new Date(`${day}T23:59:59Z`));
    const booked = await first.app
      .get(MongoEventStore)
      .model.find({ type: BOOKED, 'data.participants.participantId': interpreterId })
      .lean();
    return { claims, booked };
  }

  const only = randomUUID();

  it('with one Spanish interpreter: one 201, 199 409 naming the language and time, the interpreter held once', async () => {
    await bookableInterpreter(first, coordinator, only, ['es']);
    const { created, conflicts, won, details } = await race(
      '2031-05-05T14:00:00Z',
      '2031-05-05T14:30:00Z',
      { language: 'es' },
    );
    expect({ created, conflicts }).toEqual({ created: 1, conflicts: 199 });
    expect([...details.keys()].join('\n')).toContain(
      'no interpreter of es is free from 2031-05-05T14:00Z to 2031-05-05T14:30Z',
    );
    expect(won[0]!.participants).toContainEqual(
      expect.objectContaining({ participantId: only, role: 'interpreter' }),
    );
    const { claims, booked } = await heldBy(only, '2031-05-05');
    expect(claims.map((c) => c.appointmentId)).toEqual([won[0]!.appointmentId]);
    expect(booked).toHaveLength(1);
    // Every refused booking gave its provider's and its patient's time back.
    const reader = first.app.get(LedgerBookedTimeReader);
    const held = await Promise.all(
      providers.map((id) =>
        reader.heldClaims(id, new Date('2031-05-05T00:00:00Z'), new Date('2031-05-06T00:00:00Z')),
      ),
    );
    expect(held.flat()).toHaveLength(1);
  }, 240_000);

  it('with three: three 201, 197 409, each interpreter held once', async () => {
    // The one interpreter of the first race leaves the pool: three others are in it.
    await listInDirectory(first.app, only, {
      functions: ['interpreter'],
      languages: ['es'],
      licences: [],
      active: false,
    });
    const pool = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of pool) await bookableInterpreter(first, coordinator, id, ['es', 'pt']);
    const { created, conflicts, won } = await race('2031-05-06T14:00:00Z', '2031-05-06T14:30:00Z', {
      language: 'es',
    });
    expect({ created, conflicts }).toEqual({ created: 3, conflicts: 197 });
    const interpreters = won.map(
      (a) => a.participants.find((p) => p.role === 'interpreter')!.participantId,
    );
    expect(new Set(interpreters)).toEqual(new Set(pool));
    for (const id of pool) {
      const { claims, booked } = await heldBy(id, '2031-05-06');
      expect({ claims: claims.length, booked: booked.length }).toEqual({ claims: 1, booked: 1 });
    }
  }, 240_000);

  it('one interpreter asked by name by 200 at once: one 201, 199 409', async () => {
    const named = randomUUID();
    await bookableInterpreter(first, coordinator, named, ['es']);
    const { created, conflicts, won } = await race('2031-05-07T14:00:00Z', '2031-05-07T14:30:00Z', {
      language: 'es',
      participantId: named,
    });
    expect({ created, conflicts }).toEqual({ created: 1, conflicts: 199 });
    expect(won[0]!.participants).toContainEqual(
      expect.objectContaining({ participantId: named, role: 'interpreter' }),
    );
    const { claims, booked } = await heldBy(named, '2031-05-07');
    expect({ claims: claims.length, booked: booked.length }).toEqual({ claims: 1, booked: 1 });
  }, 240_000);
});
