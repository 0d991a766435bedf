import { NestExpressApplication } from '@nestjs/platform-express';
import { fromKafkaHeaders, TOPICS } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, callService, eventually, TestNamespace } from '@thc/testing';
import { Consumer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  bookableProvider,
  startSchedulingApp,
  TEST_PATIENT_LOCATION,
  testClock,
} from '../testing/scheduling-test-app';
import { ReminderScheduler } from './reminder.scheduler';

const REMINDER_DUE = 'thc.scheduling.ReminderDue.v1';
const PHONE = '+15555550123';
const MINUTE = 60_000;

interface Seen {
  readonly appointmentId: string;
  readonly appointmentStart: string;
  readonly offsetMinutes: number;
  readonly raw: string;
}

describe('reminders: exactly once per appointment and offset, two instances and a restart', () => {
  const ns = new TestNamespace('reminders');
  // Both instances read one clock the test moves forward.
  let skew = 0;
  const clock = () => new Date(testClock().getTime() + skew);
  type Instance = { app: NestExpressApplication; url: string };
  let first: Instance;
  let second: Instance;
  let consumer: Consumer;
  const seen: Seen[] = [];

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
    // Rounds are run by the test, on both instances at once, so the race is certain.
    process.env['SCHEDULING_REMINDER_POLL_MS'] = '0';
    await ns.createTopics(
      [TOPICS.training, TOPICS.sessions, TOPICS.scheduling, TOPICS.compliance].map((t) =>
        ns.topic(t),
      ),
    );
    first = await startSchedulingApp({ clock, relay: true });
    second = await startSchedulingApp({ clock, relay: true });
    consumer = ns.kafka().consumer({ groupId: ns.topic('reminder-watch') });
    await consumer.connect();
    await consumer.subscribe({ topic: ns.topic(TOPICS.scheduling), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const decoded = fromKafkaHeaders(message.headers ?? {});
        if (!decoded.ok || decoded.attributes.type !== REMINDER_DUE) return;
        const raw = message.value?.toString() ?? '';
        seen.push({ ...(JSON.parse(raw) as Omit<Seen, 'raw'>), raw });
      },
    });
  });

  afterAll(async () => {
    for (const name of ['PHI_MASTER_KEYS', 'PHI_KEYS_DB', 'SCHEDULING_REMINDER_POLL_MS'])
      delete process.env[name];
    await consumer?.disconnect();
    await Promise.all([first?.app.close(), second?.app.close()]);
    await ns.dispose();
  });

  /** One round on each instance, at the same time. */
  const roundOnBoth = () =>
    Promise.all([first, second].map((i) => i.app.get(ReminderScheduler).runOnce()));

  it('emits each reminder once, none for a cancelled visit, and none for the old time of a moved one', async () => {
    const coordinator = await bearer('coordinator', randomUUID());
    const providerId = randomUUID();
    await bookableProvider(first, coordinator, providerId);
    const at = (minutesAhead: number) => {
      const start = Math.floor(clock().getTime() / MINUTE) * MINUTE + minutesAhead * MINUTE;
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + 30 * MINUTE).toISOString(),
      };
    };
    const book = async (minutesAhead: number) => {
      const response = await callService(first.url, 'POST', '/api/v1/appointments', coordinator, {
        patientId: randomUUID(),
        providerId,
        clinicId: randomUUID(),
        visitType: 'video',
        ...at(minutesAhead),
        timeZone: 'UTC',
        patientLocation: TEST_PATIENT_LOCATION,
        reminderContact: { channel: 'sms', address: PHONE },
      });
      expect(response.status).toBe(201);
      return (response.body as { appointmentId: string; start: string }).appointmentId;
    };

    const keptStart = Date.parse(at(90).start);
    const kept = await book(90);
    const cancelled = await book(150);
    const moved = await book(210);
    const movedFrom = at(210).start;
    expect(
      (
        await callService(
          second.url,
          'POST',
          `/api/v1/appointments/${cancelled}/cancel`,
          coordinator,
          {
            reasonCode: 'patient-request',
          },
        )
      ).status,
    ).toBe(200);
    const movedTo = at(3 * 24 * 60);
    expect(
      (
        await callService(
          second.url,
          'POST',
          `/api/v1/appointments/${moved}/reschedule`,
          coordinator,
          {
            providerId,
            ...movedTo,
            timeZone: 'UTC',
          },
        )
      ).status,
    ).toBe(200);

    // 90 minutes ahead: the 24 h reminder is due, on both instances at once.
    expect((await roundOnBoth()).reduce((a, b) => a + b, 0)).toBe(1);
    // A restart of one instance, then both again: nothing new.
    await first.app.close();
    first = await startSchedulingApp({ clock, relay: true });
    expect((await roundOnBoth()).reduce((a, b) => a + b, 0)).toBe(0);
    // 59 minutes ahead: the 1 h reminder.
    skew += 31 * MINUTE;
    expect((await roundOnBoth()).reduce((a, b) => a + b, 0)).toBe(1);
    expect((await roundOnBoth()).reduce((a, b) => a + b, 0)).toBe(0);
    // Two days on: the moved visit's 24 h reminder, for its new time only.
    skew += 2 * 24 * 60 * MINUTE;
    expect((await roundOnBoth()).reduce((a, b) => a + b, 0)).toBe(1);

    const key = (s: Seen) =>
      `${s.appointmentId} ${Date.parse(s.appointmentStart)} ${s.offsetMinutes}`;
    const expected = [
      `${kept} ${keptStart} 1440`,
      `${kept} ${keptStart} 60`,
      `${moved} ${Date.parse(movedTo.start)} 1440`,
    ];
    await eventually(async () => expect(seen.map(key).sort()).toEqual([...expected].sort()), {
      timeoutMs: 40_000,
      intervalMs: 300,
    });
    // Everything stored has been relayed; still exactly those three on Kafka.
    const store = first.app.get(MongoEventStore);
    await eventually(async () =>
      expect(await store.model.countDocuments({ pending: true })).toBe(0),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(seen.map(key).sort()).toEqual([...expected].sort());
    expect(seen.some((s) => s.appointmentId === cancelled)).toBe(false);
    expect(seen.some((s) => Date.parse(s.appointmentStart) === Date.parse(movedFrom))).toBe(false);

    // The contact travels sealed, never in clear: on Kafka and in the stored events.
    for (const s of seen) {
      expect(JSON.parse(s.raw)).toMatchObject({ channel: 'sms', contact: { alg: 'AES-256-GCM' } });
      expect(s.raw).not.toContain(PHONE.slice(1));
    }
    expect(JSON.stringify(await store.model.find({ type: REMINDER_DUE }).lean())).not.toContain(
      PHONE.slice(1),
    );
  });
});
