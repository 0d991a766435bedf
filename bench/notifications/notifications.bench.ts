import { NestExpressApplication } from '@nestjs/platform-express';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Principal } from '@thc/auth';
import type { ConsumedEvent, EventHandler } from '@thc/messaging';
import { startPrivateMailpit } from '@thc/testing';
import { Db } from 'mongodb';
import { Connection } from 'mongoose';
import nodemailer from 'nodemailer';
import { randomUUID } from 'node:crypto';
import {
  CONTACT_DIRECTORY,
  ContactDirectory,
} from '../../services/notifications/src/contacts/contact-points';
import { RecordContactPreferencesHandler } from '../../services/notifications/src/contacts/record-preferences/record-contact-preferences.handler';
import type { PlannedMessage } from '../../services/notifications/src/delivery/domain/planned-message';
import { MessageOutcomeRepository } from '../../services/notifications/src/delivery/infrastructure/message-outcome.repository';
import { MessageQueue } from '../../services/notifications/src/delivery/infrastructure/message-queue.projection';
import { MessageDispatcher } from '../../services/notifications/src/delivery/message-dispatcher';
import { renderMessage } from '../../services/notifications/src/messages/render-message';
import {
  NOTIFICATIONS_SETTINGS,
  NotificationsSettings,
} from '../../services/notifications/src/notifications.settings';
import { messageIdOf } from '../../services/notifications/src/planning/domain/addressed-message';
import { PLANNING_EVENT as E } from '../../services/notifications/src/planning/domain/planning-events';
import { planReminder } from '../../services/notifications/src/planning/domain/reminder.planner';
import { PlanMessagesWhenAppointmentsChange } from '../../services/notifications/src/planning/from-scheduling/plan-messages-when-appointments-change.consumer';
import { VisitEvents } from '../../services/notifications/src/planning/testing/visit-events.fixture';
import { VisitStatusProjection } from '../../services/notifications/src/planning/infrastructure/visit-status.projection';
import { percentile } from '../platform/percentile';
import { Paired, timed } from './latency';
import { seedMessageHistory } from './message-history.seed';
import { startNotificationsBenchApp } from './notifications-bench-app';

/** People with real, sealed contact points whom the measured messages go to. */
const PEOPLE = 20;
/** Messages the queue holds at any time: the next days' work, whatever lies behind it. */
const PENDING_WORK = 500;
const WARM_UP = 5;
const DAY_MS = 86_400_000;

export interface NotificationsBenchOptions {
  readonly mongoUrl: string;
  readonly kafkaBrokers: string;
  /** Outcome events of past messages stored before measuring. */
  readonly history: number;
  /** Samples of the planning and directory reads. */
  readonly reads: number;
  /** Dispatcher rounds, each delivering one message. */
  readonly rounds: number;
  readonly report: (line: string) => void;
}

interface Person {
  readonly personId: string;
  readonly email: string;
}

/**
 * The notifications service's three paths on a database holding `history` outcome events of
 * past messages, each beside a raw baseline of the same run: planning a reminder (the
 * ReminderDue consumer's work) against a raw read by `_id` and insert; one dispatcher round
 * delivering one due reminder by e-mail to a Mailpit of the run's own against a raw nodemailer
 * send of the same mail to it; and the contact directory read against a raw read by `_id`.
 */
export async function benchNotifications(options: NotificationsBenchOptions): Promise<void> {
  const { report } = options;
  const mailpit = await startPrivateMailpit();
  const service = await startNotificationsBenchApp({ ...options, smtpUrl: mailpit.smtpUrl });
  try {
    const { app } = service;
    const db = app.get<Connection>(getConnectionToken()).db as unknown as Db;
    const seeded = await seedMessageHistory(db, options.history, report);
    const documents = seeded.events + seeded.visits + seeded.people;
    report(
      `  stored ${seeded.events.toLocaleString('en-US')} outcome events of ${seeded.messages.toLocaleString('en-US')} messages, ${seeded.visits.toLocaleString('en-US')} visit_status and ${seeded.people.toLocaleString('en-US')} contact_points in ${seeded.seconds.toFixed(1)} s (${(documents / seeded.seconds).toFixed(0)} documents/s, batches of 1,000)`,
    );
    await queuePendingWork(app);
    const people = await recordPeople(app);
    report(
      `  the work list holds ${PENDING_WORK} messages due in the next days; ${PEOPLE} people recorded through the service (sealed e-mail and language)`,
    );

    report('planning a reminder (the ReminderDue consumer: visit status read, message queued)');
    for (const line of (await planningReminders(app, db, options.reads)).lines(
      'reminder planned',
      'raw findOne by _id + insertOne',
    ))
      report(line);

    report('one dispatcher round delivering one due reminder by e-mail to Mailpit');
    const delivery = await dispatcherRounds(app, people, options.rounds, mailpit.smtpUrl);
    for (const line of delivery.paired.lines(
      'dispatcher round',
      'raw nodemailer send of the same mail',
    ))
      report(line);
    report(
      `  of which the look-up of due messages in the work list (${PENDING_WORK + 1} entries): p50 ${(percentile(delivery.lookUps, 0.5) ?? NaN).toFixed(2)} ms, p99 ${(percentile(delivery.lookUps, 0.99) ?? NaN).toFixed(2)} ms`,
    );
    let received = 0;
    for (const person of people) received += await mailpit.client.countTo(person.email);
    report(`  Mailpit received ${received} messages (both sides, warm-up included)`);

    report('contact directory read (contact_points by _id, two seals opened)');
    for (const line of (await directoryReads(app, db, people, options.reads)).lines(
      'contactFor',
      'raw findOne by _id',
    ))
      report(line);
  } finally {
    await service.stop();
    await mailpit.stop();
  }
}

/** Reminders due in the coming days, as the work list holds them between rounds. */
async function queuePendingWork(app: NestExpressApplication): Promise<void> {
  const queue = app.get(MessageQueue);
  for (let i = 0; i < PENDING_WORK; i++) {
    const visit = new VisitEvents(new Date(Date.now() + (2 + (i % 5)) * DAY_MS).toISOString());
    await Promise.all(
      planReminder({ eventId: randomUUID(), data: visit.reminderDue(1440) }, undefined).map(
        (message) => queue.plan(message),
      ),
    );
  }
}

/** People who stated their e-mail and language themselves, through the service's handler. */
async function recordPeople(app: NestExpressApplication): Promise<Person[]> {
  const handler = app.get(RecordContactPreferencesHandler);
  const people: Person[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const personId = randomUUID();
    const email = `bench-${personId}@example.org`;
    const principal: Principal = { subject: personId, roles: ['patient'] };
    await handler.record(
      personId,
      {
        email,
        preferredLanguage: i % 2 === 0 ? 'en-US' : 'es-MX',
        timeZone: 'America/New_York',
        consent: { byEmail: true, bySms: false },
      },
      principal,
    );
    people.push({ personId, email });
  }
  return people;
}

/** The person of round `i`, the people taken in turn. */
function at(people: readonly Person[], i: number): Person {
  const person = people[i % people.length];
  if (!person) throw new Error('no people recorded');
  return person;
}

const consumed = (type: string, data: object): ConsumedEvent => ({
  id: randomUUID(),
  source: '/thc/scheduling',
  type,
  subject: 'bench',
  time: new Date().toISOString(),
  data,
  topic: 'bench',
  partition: 0,
  offset: '0',
});

/** The consumer's handler for one event, called as its runtime calls it. */
const handlerOf = (host: object): EventHandler =>
  (host as unknown as { handle: EventHandler }).handle;

/**
 * A booked visit three days ahead (its status written untimed), then its ReminderDue handled
 * by the consumer (timed) beside a raw read of a visit status by `_id` and a raw insert into
 * the work list. What both planned is removed afterwards, so the work list keeps its size.
 */
async function planningReminders(
  app: NestExpressApplication,
  db: Db,
  reads: number,
): Promise<Paired> {
  const visits = app.get(VisitStatusProjection);
  const queue = app.get(MessageQueue).collection;
  const consume = handlerOf(app.get(PlanMessagesWhenAppointmentsChange));
  const statuses = db.collection<{ _id: string }>('visit_status');
  const rawQueue = db.collection<{ _id: string }>('notification_queue');
  const paired = new Paired();
  const before = await queue.countDocuments();
  const planned: string[] = [];
  for (let i = 0; i < WARM_UP + reads; i++) {
    const visit = new VisitEvents(new Date(Date.now() + 3 * DAY_MS).toISOString());
    await visits.booked(visit.booked(new Date()), randomUUID());
    const rawId = randomUUID();
    planned.push(rawId);
    const raw = await timed(async () => {
      await statuses.findOne({ _id: visit.appointmentId });
      await rawQueue.insertOne({ _id: rawId, dueAt: new Date(Date.now() + DAY_MS) } as never);
    });
    const event = consumed(E.reminderDue, visit.reminderDue(60));
    planned.push(messageIdOf(event.id, visit.patientId, 'reminder'));
    const measured = await timed(() => consume(event));
    if (i < WARM_UP) continue;
    paired.baseline.push(raw);
    paired.measured.push(measured);
  }
  const added = (await queue.countDocuments()) - before;
  if (added !== 2 * (WARM_UP + reads))
    throw new Error(
      `expected ${2 * (WARM_UP + reads)} new entries in the work list, found ${added}`,
    );
  await queue.deleteMany({ _id: { $in: planned } });
  return paired;
}

/**
 * Each round: a reminder of a visit three days ahead falls due (planned untimed, its visit
 * status written), the raw nodemailer send of the same rendered mail to the same Mailpit is
 * timed, then one dispatcher round, which must deliver it and record it as sent.
 */
async function dispatcherRounds(
  app: NestExpressApplication,
  people: readonly Person[],
  rounds: number,
  smtpUrl: string,
): Promise<{ paired: Paired; lookUps: number[] }> {
  const settings = app.get<NotificationsSettings>(NOTIFICATIONS_SETTINGS);
  const queue = app.get(MessageQueue);
  const visits = app.get(VisitStatusProjection);
  const dispatcher = app.get(MessageDispatcher);
  const outcomes = app.get(MessageOutcomeRepository);
  // The channel's own transport settings: a pool, nodemailer's defaults otherwise.
  const raw = nodemailer.createTransport({ pool: true, url: smtpUrl, maxConnections: 5 });
  const paired = new Paired();
  const lookUps: number[] = [];
  try {
    for (let i = 0; i < WARM_UP + rounds; i++) {
      const person = at(people, i);
      const visit = new VisitEvents(new Date(Date.now() + 3 * DAY_MS).toISOString());
      const booked = { ...visit.booked(new Date()), patientId: person.personId };
      await visits.booked(booked, randomUUID());
      const [planned] = planReminder(
        {
          eventId: randomUUID(),
          data: { ...visit.reminderDue(60), patientId: person.personId },
        },
        { ...booked, appointmentId: visit.appointmentId },
      );
      if (!planned) throw new Error('a reminder plans one message');
      const message: PlannedMessage = { ...planned, sendAt: new Date().toISOString() };
      await queue.plan(message);
      const language = i % 2 === 0 ? 'en' : 'es';
      const rendered = renderMessage(message, {
        language,
        timeZone: 'America/New_York',
        messageId: message.messageId,
        now: new Date(),
      });
      const baseline = await timed(() =>
        raw.sendMail({
          from: settings.emailFrom,
          to: person.email,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: `<raw-${message.messageId}@bench.thc>`,
          headers: { 'Content-Language': language },
          attachments: rendered.attachments.map((a) => ({ ...a })),
        }),
      );
      lookUps.push(await timed(() => queue.due(new Date(), 50)));
      let handled = 0;
      const measured = await timed(async () => (handled = await dispatcher.runOnce()));
      const sent = (await outcomes.outcomes(message.messageId)).byChannel.email;
      if (handled !== 1 || !sent)
        throw new Error(`round ${i}: ${handled} messages handled, e-mail outcome ${String(sent)}`);
      if (i < WARM_UP) {
        lookUps.pop();
        continue;
      }
      paired.baseline.push(baseline);
      paired.measured.push(measured);
    }
  } finally {
    raw.close();
  }
  return { paired, lookUps };
}

/** The dispatcher's read of a person beside a raw read of the same view by `_id`. */
async function directoryReads(
  app: NestExpressApplication,
  db: Db,
  people: readonly Person[],
  reads: number,
): Promise<Paired> {
  const directory = app.get<ContactDirectory>(CONTACT_DIRECTORY);
  const views = db.collection<{ _id: string }>('contact_points');
  const paired = new Paired();
  for (let i = 0; i < WARM_UP + reads; i++) {
    const { personId } = at(people, i);
    const raw = await timed(() => views.findOne({ _id: personId }));
    let found = false;
    const measured = await timed(async () => {
      found = (await directory.contactFor(personId)).found;
    });
    if (!found) throw new Error(`no contact points for ${personId}`);
    if (i < WARM_UP) continue;
    paired.baseline.push(raw);
    paired.measured.push(measured);
  }
  return paired;
}
