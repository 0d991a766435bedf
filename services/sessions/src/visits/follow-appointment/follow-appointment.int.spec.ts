import { eventually, TestNamespace } from '@thc/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { sessionIdOf } from '../domain/session-id';
import { SessionViews } from '../infrastructure/session-views.projection';
import { booking, BOOKED, CANCELLED, RESCHEDULED } from '../testing/scheduling-events';
import { within } from '../testing/sessions-test-kit';
import { useSessionsApp } from '../testing/sessions-testbed';

describe('a session per appointment, from scheduling events on Kafka', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-follow'));
  let views: SessionViews;

  beforeAll(async () => {
    views = bed.app.get(SessionViews);
  });

  const cancellation = (appointmentId: string) => ({
    appointmentId,
    cancelledAt: new Date().toISOString(),
    cancelledBy: { kind: 'system', service: 'scheduling' },
    reasonCode: 'other',
    late: false,
  });
  const typesOf = async (sessionId: string) =>
    (await bed.store.load(`session-${sessionId}`)).map((e) => e.type.split('.')[2]);

  it('creates one session for a booking delivered twice and booked twice under new event ids', async () => {
    const booked = booking(new Date(Date.now() + 86_400_000));
    const id = await bed.kit.scheduling(BOOKED, booked);
    await bed.kit.scheduling(BOOKED, booked, id); // redelivery: same event id
    await bed.kit.scheduling(BOOKED, booked); // a duplicate with a new event id
    const sessionId = sessionIdOf(booked.appointmentId);
    await eventually(
      async () => expect(await typesOf(sessionId)).toEqual(['SessionCreated']),
      within,
    );
    // The view follows the stored event.
    await eventually(
      async () =>
        expect(await views.find(sessionId)).toMatchObject({
          status: 'scheduled',
          appointmentId: booked.appointmentId,
          patientId: booked.patientId,
          providerId: booked.providerId,
          scheduledStart: booked.start,
        }),
      within,
    );
    // A cancellation of the same appointment shares its key, so it is consumed after the
    // copies: once it shows, every copy has been handled, and none created anything.
    await bed.kit.scheduling(CANCELLED, cancellation(booked.appointmentId));
    await eventually(
      async () => expect(await typesOf(sessionId)).toEqual(['SessionCreated', 'SessionEnded']),
      within,
    );
  });
  it('moves the session with its appointment and closes it when the appointment is cancelled', async () => {
    const booked = booking(new Date(Date.now() + 2 * 86_400_000));
    const sessionId = sessionIdOf(booked.appointmentId);
    await bed.kit.scheduling(BOOKED, booked);
    const start = new Date(Date.now() + 3 * 86_400_000);
    const moved = {
      appointmentId: booked.appointmentId,
      providerId: booked.providerId,
      previousStart: booked.start,
      previousEnd: booked.end,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      timeZone: 'America/New_York',
      rescheduledAt: new Date().toISOString(),
      rescheduledBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
    } as const;
    await bed.kit.scheduling(RESCHEDULED, moved);
    await eventually(
      async () =>
        expect(await views.find(sessionId)).toMatchObject({ scheduledStart: moved.start }),
      within,
    );
    const cancelledId = await bed.kit.scheduling(CANCELLED, {
      appointmentId: booked.appointmentId,
      cancelledAt: new Date().toISOString(),
      cancelledBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
      reasonCode: 'patient-request',
      late: false,
    });
    await eventually(
      async () =>
        expect(await views.find(sessionId)).toMatchObject({
          status: 'ended',
          outcome: 'cancelled',
        }),
      within,
    );
    await bed.kit.scheduling(
      CANCELLED,
      {
        appointmentId: booked.appointmentId,
        cancelledAt: new Date().toISOString(),
        cancelledBy: { kind: 'system', service: 'scheduling' },
        reasonCode: 'other',
        late: false,
      },
      cancelledId,
    );
    await sleep(1500);
    expect(await typesOf(sessionId)).toEqual([
      'SessionCreated',
      'SessionRescheduled',
      'SessionEnded',
    ]);
    const [ended] = (await bed.store.load(`session-${sessionId}`)).slice(-1);
    expect(ended?.data).toMatchObject({
      outcome: 'cancelled',
      appointmentId: booked.appointmentId,
    });
  });
});
