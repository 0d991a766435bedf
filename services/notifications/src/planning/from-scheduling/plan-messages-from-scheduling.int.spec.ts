import { eventually, TestNamespace } from '@thc/testing';
import { messageIdOf } from '../domain/addressed-message';
import { PLANNING_EVENT as E } from '../domain/planning-events';
import { DAY, inDays, planningSpec, within } from '../testing/planning-spec';
import { VisitEvents } from '../testing/visit-events.fixture';

describe('messages planned from scheduling events on Kafka', () => {
  const { events, queued, plannedFrom, view, statusOf } = planningSpec(
    new TestNamespace('notif-plan-scheduling'),
  );

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
    expect(await statusOf(visit.appointmentId)).toEqual({
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
