import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PHI_ACCESSED, useAppointmentsTest } from './testing/appointments-test';

interface Access {
  readonly actorId: string;
  readonly role: string;
  readonly resource: string;
  readonly resourceId?: string;
  readonly action: string;
  readonly purpose: string;
}

/**
 * A staff member who wants a patient's appointment without a trace need not read it: every
 * command answers with the whole appointment (patient, provider, time, participants). Each such
 * answer must land in the patient's accounting of disclosures like a read does.
 */
describe('appointment commands that answer with patient data record the disclosure', () => {
  const t = useAppointmentsTest(new TestNamespace('appt-command-phi'), bearer);

  async function book(start: string, end: string) {
    const booked = await t.book({ start, end });
    expect(booked.status).toBe(201);
    return booked.body;
  }

  const accessesOf = async (patientId: string): Promise<Access[]> =>
    (await t.store.load(`phi-access-${patientId}`))
      .filter((e) => e.type === PHI_ACCESSED)
      .map((e) => e.data as Access);

  const disclosure = (actorId: string, role: string, appointmentId: string, purpose: string) => ({
    actorId,
    role,
    resource: 'Appointment',
    resourceId: appointmentId,
    action: 'read',
    purpose,
  });

  it('book, reschedule, check-in and complete each leave a record, by whom and why', async () => {
    const {
      appointmentId: id,
      patientId,
      providerId,
    } = await book('2031-03-10T09:00:00-04:00', '2031-03-10T09:30:00-04:00');
    const provider = await bearer('provider', providerId);
    const steps = [
      await callService(t.url, 'POST', `/api/v1/appointments/${id}/reschedule`, provider, {
        providerId,
        start: '2031-03-11T10:00:00-04:00',
        end: '2031-03-11T10:30:00-04:00',
        timeZone: 'America/New_York',
      }),
      await callService(t.url, 'POST', `/api/v1/appointments/${id}/check-in`, provider, {
        sessionId: randomUUID(),
      }),
    ];
    const { sessionId } = steps[1]!.body as { sessionId: string };
    steps.push(
      await callService(t.url, 'POST', `/api/v1/appointments/${id}/complete`, provider, {
        sessionId,
        startedAt: t.inMinutes(-30),
        endedAt: t.inMinutes(-1),
      }),
    );
    expect(steps.map((s) => s.status)).toEqual([200, 200, 200]);

    expect(await accessesOf(patientId)).toEqual([
      expect.objectContaining(disclosure(t.coordinatorId, 'coordinator', id, 'operations')),
      expect.objectContaining(disclosure(providerId, 'provider', id, 'treatment')),
      expect.objectContaining(disclosure(providerId, 'provider', id, 'treatment')),
      expect.objectContaining(disclosure(providerId, 'provider', id, 'treatment')),
    ]);
  });

  it('cancel leaves a record with the purpose the caller states', async () => {
    const { appointmentId: id, patientId } = await book(
      '2031-04-10T09:00:00-04:00',
      '2031-04-10T09:30:00-04:00',
    );
    const cancelled = await callService(
      t.url,
      'POST',
      `/api/v1/appointments/${id}/cancel`,
      { ...t.coordinator, 'x-purpose-of-use': 'payment' },
      { reasonCode: 'other' },
    );
    expect(cancelled.status).toBe(200);
    expect((await accessesOf(patientId)).at(-1)).toMatchObject(
      disclosure(t.coordinatorId, 'coordinator', id, 'payment'),
    );
  });

  it('a no-show leaves a record', async () => {
    const { appointmentId: id, patientId } = await book(t.inMinutes(0.05), t.inMinutes(30.05));
    await sleep(3500);
    const noShow = await callService(
      t.url,
      'POST',
      `/api/v1/appointments/${id}/no-show`,
      t.coordinator,
      {
        sessionId: randomUUID(),
        absent: 'patient',
      },
    );
    expect(noShow.status).toBe(200);
    expect(await accessesOf(patientId)).toEqual([
      expect.objectContaining(disclosure(t.coordinatorId, 'coordinator', id, 'operations')),
      expect.objectContaining(disclosure(t.coordinatorId, 'coordinator', id, 'operations')),
    ]);
  });

  it('an unknown purpose is refused before the command changes anything', async () => {
    const { appointmentId: id } = await book(
      '2031-05-10T09:00:00-04:00',
      '2031-05-10T09:30:00-04:00',
    );
    const refused = await callService(
      t.url,
      'POST',
      `/api/v1/appointments/${id}/cancel`,
      { ...t.coordinator, 'x-purpose-of-use': 'curiosity' },
      { reasonCode: 'other' },
    );
    expect(refused.status).toBe(400);
    expect(await t.typesOf(id)).not.toContain('AppointmentCancelled');
  });
});
