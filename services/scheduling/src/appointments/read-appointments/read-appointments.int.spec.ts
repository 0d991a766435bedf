import { bearer, callService, expectValidFhir, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { PHI_ACCESSED, useAppointmentsTest } from '../testing/appointments-test';

describe('read appointments', () => {
  const t = useAppointmentsTest(new TestNamespace('appt-read'), bearer);

  it('reads as JSON, FHIR R4 and iCalendar, each read recorded as PhiAccessed', async () => {
    const booked = await t.book({ visitType: 'audio' });
    const { appointmentId: id, patientId, providerId } = booked.body;
    const provider = await bearer('provider', providerId);

    const read = await callService(t.url, 'GET', `/api/v1/appointments/${id}`, provider);
    expect(read).toMatchObject({ status: 200, body: { appointmentId: id, status: 'booked' } });

    const fhir = await callService(t.url, 'GET', `/fhir/Appointment/${id}`, provider);
    expect(fhir.status).toBe(200);
    expect(fhir.type).toContain('application/fhir+json');
    expectValidFhir(fhir.body);
    expect(fhir.body).toMatchObject({
      status: 'booked',
      start: '2031-03-10T13:00:00.000Z',
      serviceType: [{ coding: [{ code: 'audio' }] }],
      participant: expect.arrayContaining([
        expect.objectContaining({
          actor: { reference: `Patient/${patientId}` },
          status: 'accepted',
        }),
        // Named as the directory names the provider; the clinic is one it does not list.
        expect.objectContaining({
          actor: {
            reference: `Practitioner/${providerId}`,
            display: `Dr. Pat Tester-${providerId.slice(0, 8)}`,
          },
        }),
        expect.objectContaining({
          actor: { reference: `Location/${String(booked.body.clinicId)}` },
        }),
      ]),
    });

    const ics = await callService(
      t.url,
      'GET',
      `/api/v1/appointments/${id}/calendar.ics`,
      provider,
    );
    expect(ics.status).toBe(200);
    expect(ics.type).toContain('text/calendar');
    expect(ics.text).toContain('DTSTART:20310310T130000Z\r\n');
    expect(ics.text).not.toContain(patientId);

    // The provider's reads; the booking's answer is the coordinator's own disclosure.
    const accesses = (await t.store.load(`phi-access-${patientId}`)).filter(
      (e) => e.type === PHI_ACCESSED && (e.data as { actorId: string }).actorId === providerId,
    );
    expect(accesses.map((e) => (e.data as { action: string }).action)).toEqual([
      'read',
      'read',
      'export',
    ]);
    expect(accesses[0]!.data).toMatchObject({
      actorId: providerId,
      role: 'provider',
      resourceId: id,
      purpose: 'treatment',
    });
  });

  it("lets only the appointment's own patient and provider, or staff, read it", async () => {
    const booked = await t.book();
    const path = `/api/v1/appointments/${booked.body.appointmentId}`;
    expect(
      (await callService(t.url, 'GET', path, await bearer('patient', booked.body.patientId)))
        .status,
    ).toBe(200);
    expect(
      (await callService(t.url, 'GET', path, await bearer('patient', randomUUID()))).status,
    ).toBe(403);
    expect(
      (await callService(t.url, 'GET', path, await bearer('provider', randomUUID()))).status,
    ).toBe(403);
    expect(
      (await callService(t.url, 'GET', path, await bearer('analyst', randomUUID()))).status,
    ).toBe(403);
    expect(
      (await callService(t.url, 'GET', `/api/v1/appointments/${randomUUID()}`, t.coordinator))
        .status,
    ).toBe(404);
  });

  it("lists a patient's and a provider's appointments", async () => {
    const patientId = randomUUID();
    const providerId = randomUUID();
    const one = await t.book({ patientId, providerId });
    await t.book({
      patientId,
      providerId,
      start: '2031-03-12T09:00:00-04:00',
      end: '2031-03-12T09:30:00-04:00',
    });
    const mine = await callService(
      t.url,
      'GET',
      `/api/v1/patients/${patientId}/appointments`,
      await bearer('patient', patientId),
    );
    expect(mine.status).toBe(200);
    expect((mine.body as unknown[]).length).toBe(2);
    const day = await callService(
      t.url,
      'GET',
      `/api/v1/providers/${providerId}/appointments?from=2031-03-10T00:00:00Z&to=2031-03-11T00:00:00Z`,
      await bearer('provider', providerId),
    );
    expect(day).toMatchObject({ status: 200, body: [{ appointmentId: one.body.appointmentId }] });
    const stranger = await callService(
      t.url,
      'GET',
      `/api/v1/patients/${patientId}/appointments`,
      await bearer('provider', randomUUID()),
    );
    expect(stranger.status).toBe(403);
  });
});
