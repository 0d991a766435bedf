import { NestExpressApplication } from '@nestjs/platform-express';
import { TOPICS } from '@thc/contracts';
import { eventually, TestNamespace } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { VISIT_STATUS, VisitStatusReader } from '../delivery/domain/visit-status';
import { MessageQueueStore, QueuedMessage } from '../delivery/infrastructure/message-queue.store';
import { startNotificationsApp } from '../testing/notifications-test-app';
import { messageIdOf } from './domain/addressed-message';
import { PLANNING_EVENT as E } from './domain/planning-events';
import { PlanningModule } from './planning.module';
import { PublishedEvents } from './testing/published-events';
import { VisitEvents } from './testing/visit-events.fixture';
import { SessionAppointments } from './visit-status/session-appointments.store';
import { VisitStatusStore } from './visit-status/visit-status.store';

const within = { timeoutMs: 40_000, intervalMs: 250 };
const DAY = 86_400_000;

describe('messages planned from scheduling and sessions events on Kafka', () => {
  const ns = new TestNamespace('notifications-planning');
  let app: NestExpressApplication;
  let producer: Producer;
  let events: PublishedEvents;
  let queue: MessageQueueStore;
  let views: VisitStatusStore;
  let status: VisitStatusReader;

  beforeAll(async () => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    process.env['PHI_MASTER_KEYS'] = `test:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
    process.env['NOTIFICATIONS_JOIN_LINK_LEAD_MINUTES'] = '20';
    process.env['NOTIFICATIONS_RUNNING_LATE_MINUTES'] = '7';
    await ns.createTopics([
      ns.topic(TOPICS.scheduling),
      ns.topic(TOPICS.sessions),
      ns.topic(TOPICS.notifications),
    ]);
    ({ app } = await startNotificationsApp([PlanningModule]));
    queue = app.get(MessageQueueStore);
    views = app.get(VisitStatusStore);
    status = app.get<VisitStatusReader>(VISIT_STATUS);
    producer = ns.kafka().producer();
    await producer.connect();
    events = new PublishedEvents(producer, (topic) => ns.topic(topic));
  });

  afterAll(async () => {
    for (const name of [
      'PHI_MASTER_KEYS',
      'PHI_KEYS_DB',
      'NOTIFICATIONS_JOIN_LINK_LEAD_MINUTES',
      'NOTIFICATIONS_RUNNING_LATE_MINUTES',
    ])
      delete process.env[name];
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  });

  const queued = (id: string) => queue.collection.findOne({ _id: id });
  const plannedFrom = (eventId: string): Promise<QueuedMessage[]> =>
    queue.collection.find({ 'message.triggerEventId': eventId }).toArray();
  const view = (appointmentId: string) => views.find(appointmentId);
  const inDays = (days: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + days * DAY);

  it('confirms a booking to patient and caregiver, once however often the booking is delivered', async () => {
    const visit = new VisitEvents(inDays(3).toISOString(), 30, { caregiver: true });
    const booked = visit.booked(new Date());
    const bookedId = await events.publish(E.booked, booked);
    await events.publish(E.booked, booked, bookedId); // redelivery

    const patientMessage = messageIdOf(bookedId, visit.patientId, 'booking-confirmation');
    await eventually(async () => expect(await queued(patientMessage)).toBeTruthy(), within);
    const reminder = visit.reminderDue(60);
    const reminderId = await events.publish(E.reminderDue, reminder); // same key: consumed after
    await eventually(async () => expect(await plannedFrom(reminderId)).toHaveLength(1), within);

    const confirmations = await plannedFrom(bookedId);
    expect(
      confirmations.map((q) => [q.message.recipientId, q.message.recipientRole]).sort(),
    ).toEqual(
      [
        [visit.patientId, 'patient'],
        [visit.caregiverId, 'caregiver'],
      ].sort(),
    );
    expect(await queued(patientMessage)).toMatchObject({
      dueAt: new Date(booked.bookedAt),
      attempts: 0,
      message: {
        kind: 'booking-confirmation',
        deadline: booked.start,
        calendar: { method: 'REQUEST', sequence: 0 },
        visit: { start: booked.start, end: booked.end, timeZone: 'America/New_York' },
      },
    });
    expect(await status.statusOf(visit.appointmentId)).toEqual({
      appointmentId: visit.appointmentId,
      start: booked.start,
      status: 'booked',
    });

    // The reminder names the visit as booked (its zone, its end) and keeps the booking contact.
    expect((await plannedFrom(reminderId))[0]?.message).toMatchObject({
      kind: 'reminder',
      recipientId: visit.patientId,
      sendAt: reminder.dueAt,
      deadline: reminder.appointmentStart,
      visit: { start: booked.start, end: booked.end, timeZone: 'America/New_York' },
      fallbackContact: { channel: 'email', sealed: reminder.contact },
    });
  });

  it('announces each move with a higher calendar sequence, and a late copy moves nothing back', async () => {
    const visit = new VisitEvents(inDays(4).toISOString());
    const booked = visit.booked(new Date(Date.now() - 60_000));
    const bookedId = await events.publish(E.booked, booked);
    const first = visit.rescheduled(booked.start, inDays(5), new Date(Date.now() - 30_000));
    const firstId = await events.publish(E.rescheduled, first);
    const second = visit.rescheduled(first.start, inDays(6), new Date());
    const secondId = await events.publish(E.rescheduled, second);
    // Late copies of the booking and of the first move, after the second.
    await events.publish(E.booked, booked, bookedId);
    await events.publish(E.rescheduled, first, firstId);
    const cancelled = visit.cancelled(new Date());
    const cancelledId = await events.publish(E.cancelled, cancelled);

    await eventually(async () => expect(await plannedFrom(cancelledId)).toHaveLength(1), within);
    const [firstMove] = await plannedFrom(firstId);
    const [secondMove] = await plannedFrom(secondId);
    expect(firstMove?.message).toMatchObject({
      kind: 'booking-changed',
      recipientId: visit.patientId,
      previousStart: booked.start,
      deadline: first.start,
      visit: { start: first.start, timeZone: 'America/Chicago', visitType: 'video' },
      calendar: { method: 'REQUEST', sequence: 1 },
    });
    expect(secondMove?.message).toMatchObject({
      previousStart: first.start,
      visit: { start: second.start },
      calendar: { method: 'REQUEST', sequence: 2 },
    });
    expect((await plannedFrom(cancelledId))[0]?.message).toMatchObject({
      kind: 'booking-cancelled',
      recipientId: visit.patientId,
      sendAt: cancelled.cancelledAt,
      deadline: new Date(Date.parse(second.start) + DAY).toISOString(),
      visit: { start: second.start },
      calendar: { method: 'CANCEL', sequence: 3 },
    });
    expect(await plannedFrom(bookedId)).toHaveLength(1);
    expect(await view(visit.appointmentId)).toMatchObject({
      start: second.start,
      timeZone: 'America/Chicago',
      status: 'cancelled',
      sequence: 3,
    });

    // A cancellation delivered again cancels nothing twice: once a later event of the same
    // appointment (same key, so consumed after it) is planned, the view still shows sequence 3.
    await events.publish(E.cancelled, cancelled, cancelledId);
    const markerId = await events.publish(E.reminderDue, visit.reminderDue(60, second.start));
    await eventually(async () => expect(await plannedFrom(markerId)).toHaveLength(1), within);
    expect(await view(visit.appointmentId)).toMatchObject({ status: 'cancelled', sequence: 3 });
    expect(await plannedFrom(cancelledId)).toHaveLength(1);
  });

  it('sends join links to everyone but the provider, and keeps the patient link for the survey', async () => {
    const start = inDays(2);
    const visit = new VisitEvents(start.toISOString(), 30, { interpreter: true });
    const now = new Date();
    await events.publish(E.sessionCreated, visit.sessionCreated(now));
    const patientLink = visit.linkRequested(visit.patientId, 'patient', 'before-visit', now);
    const patientLinkId = await events.publish(E.linkDeliveryRequested, patientLink);
    const providerLinkId = await events.publish(
      E.linkDeliveryRequested,
      visit.linkRequested(visit.providerId, 'provider', 'before-visit', now),
    );
    const resent = visit.linkRequested(visit.interpreterId!, 'interpreter', 'now', new Date());
    const resentId = await events.publish(E.linkDeliveryRequested, resent);
    await events.publish(E.linkDeliveryRequested, resent, resentId); // redelivery
    // Same session, so consumed after the copies.
    const arrival = visit.arrived(new Date());
    const markerId = await events.publish(E.arrived, arrival);

    await eventually(async () => expect(await plannedFrom(markerId)).toHaveLength(1), within);
    expect(await plannedFrom(resentId)).toHaveLength(1);
    expect(await plannedFrom(providerLinkId)).toEqual([]);
    expect(await queued(messageIdOf(patientLinkId, visit.patientId, 'join-link'))).toMatchObject({
      dueAt: new Date(start.getTime() - 20 * 60_000),
      message: {
        recipientRole: 'patient',
        sessionId: visit.sessionId,
        joinLink: patientLink.link,
        deadline: patientLink.expiresAt,
        urgent: false,
        visit: { start: visit.start, end: visit.end, visitType: 'video' },
      },
    });
    expect((await plannedFrom(resentId))[0]).toMatchObject({
      dueAt: new Date(resent.requestedAt),
      message: { recipientId: visit.interpreterId, recipientRole: 'interpreter', urgent: true },
    });
    expect(await app.get(SessionAppointments).appointmentOf(visit.sessionId)).toBe(
      visit.appointmentId,
    );
    expect(await view(visit.appointmentId)).toMatchObject({
      sessionId: visit.sessionId,
      patientId: visit.patientId,
      patientJoinLink: patientLink.link,
    });
    expect(await status.statusOf(visit.appointmentId)).toEqual({
      appointmentId: visit.appointmentId,
      start: visit.start,
      status: 'booked',
      sessionId: visit.sessionId,
      arrivedAt: arrival.arrivedAt,
    });
  });

  it('tells a waiting patient the provider runs late, keeps admission and end, and asks for a survey', async () => {
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const visit = new VisitEvents(start.toISOString());
    await events.publish(E.booked, visit.booked(new Date(start.getTime() - DAY)));
    await events.publish(E.sessionCreated, visit.sessionCreated(new Date(start.getTime() - DAY)));
    const link = visit.linkRequested(
      visit.patientId,
      'patient',
      'now',
      new Date(start.getTime() - 60_000),
    );
    await events.publish(E.linkDeliveryRequested, link);
    const arrived = visit.arrived(new Date(start.getTime() - 3 * 60_000));
    const arrivedId = await events.publish(E.arrived, arrived);
    await events.publish(E.arrived, arrived, arrivedId); // redelivery

    await eventually(async () => expect(await plannedFrom(arrivedId)).toHaveLength(1), within);
    expect((await plannedFrom(arrivedId))[0]).toMatchObject({
      dueAt: new Date(start.getTime() + 7 * 60_000),
      message: {
        kind: 'provider-running-late',
        recipientId: visit.patientId,
        urgent: true,
        waitedMinutes: 7,
        deadline: visit.end,
      },
    });

    const admittedAt = new Date(start.getTime() + 9 * 60_000);
    await events.publish(E.admitted, visit.admitted(admittedAt));
    await events.publish(E.sessionStarted, visit.started(admittedAt));
    const endedAt = new Date(start.getTime() + 25 * 60_000);
    const endedId = await events.publish(E.sessionEnded, visit.ended(endedAt, admittedAt));
    await eventually(async () => expect(await plannedFrom(endedId)).toHaveLength(1), within);

    expect(await status.statusOf(visit.appointmentId)).toEqual({
      appointmentId: visit.appointmentId,
      start: visit.start,
      status: 'booked',
      sessionId: visit.sessionId,
      arrivedAt: arrived.arrivedAt,
      admittedAt: admittedAt.toISOString(),
      endedAt: endedAt.toISOString(),
    });
    expect((await plannedFrom(endedId))[0]).toMatchObject({
      dueAt: new Date(endedAt.getTime() + 5 * 60_000),
      message: {
        kind: 'survey-invitation',
        recipientId: visit.patientId,
        sessionId: visit.sessionId,
        joinLink: link.link,
        deadline: new Date(endedAt.getTime() + 7 * DAY).toISOString(),
      },
    });
  });

  it('offers a freed slot to the waitlisted patient', async () => {
    const visit = new VisitEvents(inDays(1).toISOString());
    const offer = visit.slotOffered(new Date());
    const offerId = await events.publish(E.slotOffered, offer);
    await eventually(async () => expect(await plannedFrom(offerId)).toHaveLength(1), within);
    expect((await plannedFrom(offerId))[0]?.message).toMatchObject({
      kind: 'waitlist-offer',
      recipientId: visit.patientId,
      deadline: offer.expiresAt,
      offer: { start: offer.start, expiresAt: offer.expiresAt },
    });
  });
});
