import { randomUUID } from 'node:crypto';
import { TestNamespace, bearer } from '@thc/testing';
import { call } from '../testing/http-client';
import { AppointmentsTest, startAppointmentsTest } from '../testing/appointments-test';

describe('cancel an appointment', () => {
  let t: AppointmentsTest;

  beforeAll(async () => {
    t = await startAppointmentsTest(
      new TestNamespace('appt-cancel'),
      await bearer('coordinator', randomUUID()),
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('a late cancellation by the patient carries the reason sealed, never in clear', async () => {
    const booked = await t.book({ start: t.inMinutes(120), end: t.inMinutes(150) });
    expect(`${booked.status} ${JSON.stringify(booked.body)}`).toMatch(/^201 /);
    const patient = await bearer('patient', booked.body.patientId);
    const text = 'feeling too unwell after chemotherapy';
    const cancelled = await call(
      t.url,
      'POST',
      `/api/v1/appointments/${booked.body.appointmentId}/cancel`,
      patient,
      {
        reasonCode: 'patient-request',
        reason: text,
      },
    );
    expect(cancelled).toMatchObject({
      status: 200,
      body: { status: 'cancelled', cancellation: { late: true } },
    });
    const [, event] = await t.store.load(`appointment-${booked.body.appointmentId}`);
    expect(event!.data).toMatchObject({
      reasonCode: 'patient-request',
      late: true,
      reason: { alg: 'AES-256-GCM' },
    });
    expect(
      JSON.stringify(await t.store.model.find({ streamId: event!.streamId }).lean()),
    ).not.toContain('chemotherapy');
  });
});
