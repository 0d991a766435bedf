import { bearer, callService, TestNamespace } from '@thc/testing';
import { useAppointmentsTest } from '../testing/appointments-test';

describe('cancel an appointment', () => {
  const t = useAppointmentsTest(new TestNamespace('appt-cancel'), bearer);

  it('a late cancellation by the patient carries the reason sealed, never in clear', async () => {
    const booked = await t.book({ start: t.inMinutes(120), end: t.inMinutes(150) });
    expect(`${booked.status} ${JSON.stringify(booked.body)}`).toMatch(/^201 /);
    const patient = await bearer('patient', booked.body.patientId);
    const text = 'feeling too unwell after chemotherapy';
    const cancelled = await callService(
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
