import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS, surveySubmittedV1 } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import {
  bearer,
  callService,
  eventually,
  MailpitClient,
  PrivateMailpit,
  startPrivateMailpit,
  TestNamespace,
} from '@thc/testing';
import { Producer } from 'kafkajs';
import { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import { ContactsModule } from '../contacts/contacts.module';
import { messageIdOf } from '../planning/domain/addressed-message';
import { PLANNING_EVENT as E } from '../planning/domain/planning-events';
import { PlanningModule } from '../planning/planning.module';
import { PublishedEvents } from '../planning/testing/published-events';
import { VisitEvents } from '../planning/testing/visit-events.fixture';
import { VisitStatusProjection } from '../planning/infrastructure/visit-status.projection';
import { startNotificationsApp } from '../testing/notifications-test-app';
import { DeliveryModule } from './delivery.module';
import { messageStreamId } from './domain/message-outcome.events';
import { MessageQueue } from './infrastructure/message-queue.projection';
import { MessageDispatcher } from './message-dispatcher';

const within = { timeoutMs: 40_000, intervalMs: 250 };
const MINUTE = 60_000;

/**
 * Messages as the patient gets them: the service consumes real events from Kafka, sends through
 * a real SMTP server (a Mailpit of this file's own, so its injected failures stay here) and each
 * check reads that Mailpit's API. The service runs on a clock the test moves.
 */
describe('messages reach patients by e-mail, as they asked and when they should', () => {
  const ns = new TestNamespace('notif-delivery');
  let mailpit: PrivateMailpit;
  let mail: MailpitClient;
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let events: PublishedEvents;
  let dispatcher: MessageDispatcher;
  let moved: Date | undefined;
  const clock = () => moved ?? new Date();

  /** A patient with a visit three days ahead at 10:00 in `zone`, who states their preferences. */
  async function patientWithVisit(
    preferences: Record<string, unknown>,
    options: { zone?: string; localStart?: string } = {},
  ) {
    const zone = options.zone ?? 'America/New_York';
    const day = DateTime.now().setZone(zone).plus({ days: 3 }).toISODate();
    const start = DateTime.fromISO(`${day}T${options.localStart ?? '10:00'}`, { zone });
    const visit = new VisitEvents(start.toUTC().toISO()!, 30);
    const email = `patient-${visit.patientId}@example.org`;
    const stated = await callService(
      url,
      'PUT',
      `/api/v1/people/${visit.patientId}/contact-preferences`,
      await bearer('patient', visit.patientId),
      { email, timeZone: zone, consent: { byEmail: true, bySms: false }, ...preferences },
    );
    expect(stated.status).toBe(200);
    return { visit, email, start };
  }

  const outcomes = async (messageId: string) =>
    (await app.get(MongoEventStore).load(messageStreamId(messageId))).map((event) => ({
      type: event.type.replace(/^thc\.notifications\.|\.v1$/g, ''),
      ...(event.data as Record<string, unknown>),
    }));

  /** Publishes, waits until the message is planned, then lets the dispatcher go round at `at`. */
  async function planned(messageId: string): Promise<void> {
    await eventually(
      async () =>
        expect(await app.get(MessageQueue).collection.findOne({ _id: messageId })).toBeTruthy(),
      within,
    );
  }

  async function dispatchAt(at: Date): Promise<void> {
    moved = at;
    await dispatcher.runOnce();
  }

  beforeAll(async () => {
    mailpit = await startPrivateMailpit();
    mail = mailpit.client;
    Object.assign(process.env, {
      MONGO_DB_PREFIX: ns.databasePrefix,
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      PHI_MASTER_KEYS: `test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      NOTIFICATIONS_SMTP_URL: mailpit.smtpUrl,
      NOTIFICATIONS_DISPATCH_POLL_MS: '0',
      NOTIFICATIONS_RETRY_BASE_MS: '60000',
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    ({ app, url } = await startNotificationsApp(
      [ContactsModule, PlanningModule, DeliveryModule],
      clock,
    ));
    dispatcher = app.get(MessageDispatcher);
    producer = ns.kafka().producer();
    await producer.connect();
    events = new PublishedEvents(producer, (topic) => ns.topic(topic));
  }, 180_000);

  afterAll(async () => {
    for (const name of [
      'PHI_MASTER_KEYS',
      'PHI_KEYS_DB',
      'NOTIFICATIONS_SMTP_URL',
      'NOTIFICATIONS_DISPATCH_POLL_MS',
      'NOTIFICATIONS_RETRY_BASE_MS',
    ])
      delete process.env[name];
    await producer?.disconnect();
    await app?.close();
    await mailpit?.stop();
    await ns.dispose();
  }, 180_000);

  // Each test starts on the real clock: planning reads it too.
  beforeEach(() => (moved = undefined));

  it('confirms a booking with a calendar entry that opens at the visit time, in the patient zone', async () => {
    const { visit, email, start } = await patientWithVisit(
      {},
      { zone: 'America/Los_Angeles', localStart: '07:00' },
    );
    const bookedId = await events.publish(E.booked, visit.booked(new Date()));
    await planned(messageIdOf(bookedId, visit.patientId, 'booking-confirmation'));
    await dispatchAt(new Date());

    const [summary] = await mail.waitForMessagesTo(email, 1);
    const message = await mail.message(summary!.ID);
    // The clinic is in New York; the patient reads their own time.
    expect(message.Text).toContain('7:00 AM');
    expect(message.Text).toContain('Los Angeles time');
    expect(message.Text).not.toContain('10:00 AM');
    const calendar = message.Attachments.find((part) => part.ContentType === 'text/calendar');
    expect(calendar?.FileName).toBe('visit.ics');
    const ics = await mail.attachment(summary!.ID, calendar!.PartID);
    const [, zone, local] = /DTSTART;TZID=([^:]+):(\d{8}T\d{6})/.exec(ics) ?? [];
    expect(ics).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}`);
    const opened = DateTime.fromFormat(local!, "yyyyMMdd'T'HHmmss", { zone: zone! });
    expect(opened.toMillis()).toBe(start.toMillis());
    expect(opened.setZone('America/Los_Angeles').toFormat('HH:mm')).toBe('07:00');
    expect(ics).toContain(`UID:${visit.appointmentId}@thc`);
  });

  it('plans nothing that lost its point before the service saw it: old news, past reminders', async () => {
    const { visit } = await patientWithVisit({});
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    const bookedId = await events.publish(E.booked, visit.booked(threeDaysAgo));
    const lastYear = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const oldReminder = await events.publish(E.reminderDue, {
      ...visit.reminderDue(60, lastYear),
      dueAt: lastYear,
    });
    // Published last on the same key, so consumed last: once it is planned, the others were seen.
    const fresh = await events.publish(E.reminderDue, visit.reminderDue(60));
    await planned(messageIdOf(fresh, visit.patientId, 'reminder'));
    const queue = app.get(MessageQueue).collection;
    expect(
      await queue.findOne({ _id: messageIdOf(bookedId, visit.patientId, 'booking-confirmation') }),
    ).toBeNull();
    expect(
      await queue.findOne({ _id: messageIdOf(oldReminder, visit.patientId, 'reminder') }),
    ).toBeNull();
  });

  it('sends one reminder per offset, however often each is delivered, each a recorded fact', async () => {
    const { visit, email, start } = await patientWithVisit({});
    const dayBefore = visit.reminderDue(1440);
    const hourBefore = visit.reminderDue(60);
    const dayId = await events.publish(E.reminderDue, dayBefore);
    await events.publish(E.reminderDue, dayBefore, dayId);
    const hourId = await events.publish(E.reminderDue, hourBefore);
    await events.publish(E.reminderDue, hourBefore, hourId);
    const first = messageIdOf(dayId, visit.patientId, 'reminder');
    const second = messageIdOf(hourId, visit.patientId, 'reminder');
    await planned(first);
    await planned(second);

    await dispatchAt(new Date(start.toMillis() - 1440 * MINUTE));
    await dispatchAt(new Date(start.toMillis() - 30 * MINUTE));
    await dispatchAt(new Date(start.toMillis() - 20 * MINUTE));

    const reminders = await mail.waitForMessagesTo(email, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mail.countTo(email)).toBe(2);
    expect(reminders.map((r) => r.Subject)).toEqual([
      expect.stringMatching(/reminder/i),
      expect.stringMatching(/reminder/i),
    ]);
    expect(await outcomes(first)).toEqual([
      expect.objectContaining({
        type: 'NotificationSent',
        channel: 'email',
        kind: 'reminder',
        attempt: 1,
      }),
    ]);
    // The fact names who was contacted and how, never the address.
    expect(JSON.stringify(await outcomes(second))).not.toContain(email);
  });

  it('sends no reminder for a visit cancelled before it went out, and records why', async () => {
    const { visit, email, start } = await patientWithVisit({});
    const bookedId = await events.publish(E.booked, visit.booked(new Date()));
    const reminderId = await events.publish(E.reminderDue, visit.reminderDue(60));
    const message = messageIdOf(reminderId, visit.patientId, 'reminder');
    await planned(message);
    await events.publish(E.cancelled, visit.cancelled(new Date()));
    await eventually(
      async () =>
        expect(await app.get(VisitStatusProjection).find(visit.appointmentId)).toMatchObject({
          status: 'cancelled',
        }),
      within,
    );

    // The news of the cancellation goes at once; the reminder, when due, finds the visit gone.
    await dispatchAt(new Date());
    await dispatchAt(new Date(start.toMillis() - 59 * MINUTE));
    expect(await outcomes(message)).toEqual([
      expect.objectContaining({
        type: 'NotificationFailed',
        reason: 'superseded',
        detail: 'the visit was cancelled',
      }),
    ]);
    // Neither the reminder nor the confirmation of a booking already cancelled; the cancellation only.
    expect(await outcomes(messageIdOf(bookedId, visit.patientId, 'booking-confirmation'))).toEqual([
      expect.objectContaining({ type: 'NotificationFailed', reason: 'superseded' }),
    ]);
    const received = await mail.waitForMessagesTo(email, 1);
    expect(received.map((m) => m.Subject)).toEqual([expect.stringMatching(/cancel/i)]);
  });

  it('invites to the survey after a visit, unless the patient answered first', async () => {
    const asked = await patientWithVisit({});
    const answered = await patientWithVisit({});
    const invitations: string[] = [];
    for (const { visit } of [asked, answered]) {
      await events.publish(E.booked, visit.booked(new Date()));
      await events.publish(E.sessionCreated, visit.sessionCreated(new Date()));
      const ended = await events.publish(
        E.sessionEnded,
        visit.ended(new Date(), new Date(Date.now() - 20 * MINUTE)),
      );
      invitations.push(messageIdOf(ended, visit.patientId, 'survey-invitation'));
    }
    await events.publish(E.surveySubmitted, {
      ...surveySubmittedV1.example,
      sessionId: answered.visit.sessionId,
      participantId: answered.visit.patientId,
      role: 'patient',
      submittedAt: new Date().toISOString(),
    });
    await Promise.all(invitations.map(planned));
    await eventually(
      async () =>
        expect(
          await app.get(VisitStatusProjection).find(answered.visit.appointmentId),
        ).toHaveProperty('surveyedAt'),
      within,
    );

    await dispatchAt(new Date(Date.now() + 6 * MINUTE));
    const [first] = await mail.waitForMessagesTo(asked.email, 2);
    expect((await mail.messagesTo(asked.email)).map((m) => m.Subject)).toContainEqual(
      expect.stringMatching(/survey|how was/i),
    );
    expect(first).toBeDefined();
    expect(await outcomes(invitations[1]!)).toEqual([
      expect.objectContaining({
        type: 'NotificationFailed',
        reason: 'superseded',
        detail: 'the patient already answered the survey',
      }),
    ]);
  });

  it('writes in the patient language', async () => {
    const { visit, email, start } = await patientWithVisit({ preferredLanguage: 'es-MX' });
    const reminderId = await events.publish(E.reminderDue, visit.reminderDue(60));
    await planned(messageIdOf(reminderId, visit.patientId, 'reminder'));
    await dispatchAt(new Date(start.toMillis() - 59 * MINUTE));

    const [summary] = await mail.waitForMessagesTo(email, 1);
    const message = await mail.message(summary!.ID);
    expect(message.Subject).toMatch(/consulta/i);
    expect(message.Text).toContain('hora de New York');
    expect(message.Text).not.toMatch(/\byour\b/i);
  });

  it('keeps quiet hours: waits for their end, or sends nothing when they last past the visit', async () => {
    const quiet = { quietHours: { start: '21:00', end: '08:00' } };
    const zone = 'America/Chicago';
    // An early visit: its one-hour reminder falls in quiet hours, which end only after it.
    const early = await patientWithVisit(quiet, { zone, localStart: '07:30' });
    const earlyReminder = await events.publish(E.reminderDue, early.visit.reminderDue(60));
    const earlyMessage = messageIdOf(earlyReminder, early.visit.patientId, 'reminder');
    // A later visit: its reminder, due at 23:00, waits for 08:00.
    const later = await patientWithVisit(quiet, { zone, localStart: '10:00' });
    const laterReminder = await events.publish(E.reminderDue, later.visit.reminderDue(660));
    const laterMessage = messageIdOf(laterReminder, later.visit.patientId, 'reminder');
    await planned(earlyMessage);
    await planned(laterMessage);

    await dispatchAt(new Date(early.start.toMillis() - 60 * MINUTE));
    expect(await outcomes(earlyMessage)).toEqual([
      expect.objectContaining({ type: 'NotificationFailed', reason: 'quiet-hours' }),
    ]);
    await dispatchAt(new Date(later.start.toMillis() - 660 * MINUTE));
    expect(await outcomes(laterMessage)).toEqual([]);
    const eight = later.start.minus({ hours: 2 });
    await dispatchAt(new Date(eight.toMillis() - MINUTE));
    expect(await outcomes(laterMessage)).toEqual([]);
    await dispatchAt(new Date(eight.toMillis() + MINUTE));
    expect(await outcomes(laterMessage)).toEqual([
      expect.objectContaining({ type: 'NotificationSent' }),
    ]);

    expect(await mail.countTo(early.email)).toBe(0);
    expect(await mail.waitForMessagesTo(later.email, 1)).toHaveLength(1);
  });

  it('sends nothing on a channel the patient opted out of', async () => {
    const { visit, email, start } = await patientWithVisit({});
    const optOut = await callService(
      url,
      'POST',
      `/api/v1/people/${visit.patientId}/contact-preferences/opt-out`,
      await bearer('patient', visit.patientId),
      { channel: 'email' },
    );
    expect(optOut.status).toBeLessThan(300);
    const reminderId = await events.publish(E.reminderDue, visit.reminderDue(60));
    const message = messageIdOf(reminderId, visit.patientId, 'reminder');
    await planned(message);
    await dispatchAt(new Date(start.toMillis() - 59 * MINUTE));

    expect(await outcomes(message)).toEqual([
      expect.objectContaining({
        type: 'NotificationFailed',
        channel: 'email',
        reason: 'opted-out',
      }),
    ]);
    expect(await mail.countTo(email)).toBe(0);
  });

  it('marks SMS undeliverable where no gateway is configured, never pretending', async () => {
    const { visit, email, start } = await patientWithVisit({
      mobile: '+12025550143',
      consent: { byEmail: true, bySms: true },
    });
    const reminderId = await events.publish(E.reminderDue, visit.reminderDue(60));
    const message = messageIdOf(reminderId, visit.patientId, 'reminder');
    await planned(message);
    await dispatchAt(new Date(start.toMillis() - 59 * MINUTE));

    expect(await outcomes(message)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'NotificationFailed',
          channel: 'sms',
          reason: 'channel-not-configured',
        }),
        expect.objectContaining({ type: 'NotificationSent', channel: 'email' }),
      ]),
    );
    await mail.waitForMessagesTo(email, 1);
  });

  it('tries again with backoff while the server refuses for now, and records a bounce when it refuses for good', async () => {
    const { visit, email, start } = await patientWithVisit({});
    const reminderId = await events.publish(E.reminderDue, visit.reminderDue(60));
    const message = messageIdOf(reminderId, visit.patientId, 'reminder');
    await planned(message);
    const due = start.toMillis() - 59 * MINUTE;

    await mail.setChaos({ recipient: { errorCode: 451, probability: 100 } });
    try {
      await dispatchAt(new Date(due));
      const queued = await app.get(MessageQueue).collection.findOne({ _id: message });
      expect(queued).toMatchObject({ attempts: 1, lastError: expect.stringContaining('451') });
      // The first retry waits about a minute (NOTIFICATIONS_RETRY_BASE_MS, with jitter).
      expect(queued!.dueAt.getTime() - due).toBeGreaterThanOrEqual(48_000);
      expect(queued!.dueAt.getTime() - due).toBeLessThanOrEqual(72_000);
      await dispatchAt(new Date(due + 10_000));
      expect(await outcomes(message)).toEqual([]);
    } finally {
      await mail.clearChaos();
    }
    await dispatchAt(new Date(due + 2 * MINUTE));
    expect(await outcomes(message)).toEqual([
      expect.objectContaining({ type: 'NotificationSent', attempt: 2 }),
    ]);
    expect(await mail.countTo(email)).toBe(1);

    const bounced = await patientWithVisit({});
    const bouncedId = await events.publish(E.reminderDue, bounced.visit.reminderDue(60));
    const bouncedMessage = messageIdOf(bouncedId, bounced.visit.patientId, 'reminder');
    await planned(bouncedMessage);
    await mail.setChaos({ recipient: { errorCode: 550, probability: 100 } });
    try {
      await dispatchAt(new Date(bounced.start.toMillis() - 59 * MINUTE));
    } finally {
      await mail.clearChaos();
    }
    expect(await outcomes(bouncedMessage)).toEqual([
      expect.objectContaining({
        type: 'NotificationBounced',
        channel: 'email',
        detail: expect.stringContaining('550'),
      }),
    ]);
    expect(await app.get(MessageQueue).collection.findOne({ _id: bouncedMessage })).toBeNull();
  });
});
