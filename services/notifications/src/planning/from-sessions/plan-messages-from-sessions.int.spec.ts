import { eventually, TestNamespace } from '@thc/testing';
import { messageIdOf } from '../domain/addressed-message';
import { PLANNING_EVENT as E } from '../domain/planning-events';
import { SessionAppointments } from '../infrastructure/session-appointments.projection';
import { DAY, inDays, planningSpec, within } from '../testing/planning-spec';
import { VisitEvents } from '../testing/visit-events.fixture';

describe('messages planned from sessions events on Kafka', () => {
  const { started, events, queued, plannedFrom, view, statusOf } = planningSpec(
    new TestNamespace('notif-plan-sessions'),
  );

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
    expect(await started.app.get(SessionAppointments).appointmentOf(visit.sessionId)).toBe(
      visit.appointmentId,
    );
    expect(await view(visit.appointmentId)).toMatchObject({
      sessionId: visit.sessionId,
      patientId: visit.patientId,
      patientJoinLink: patientLink.link,
    });
    expect(await statusOf(visit.appointmentId)).toEqual({
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

    expect(await statusOf(visit.appointmentId)).toEqual({
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
});
