import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useAppointmentsTest } from '../testing/appointments-test';
import { bookableProvider, TEST_PATIENT_LOCATION } from '../testing/scheduling-test-app';

describe('request an appointment, then book it', () => {
  const t = useAppointmentsTest(new TestNamespace('appt-request'), bearer);

  const request = (patientId: string, headers: Record<string, string>) =>
    callService(t.url, 'POST', '/api/v1/appointment-requests', headers, {
      patientId,
      clinicId: randomUUID(),
      visitType: 'video',
      earliest: '2031-03-09T08:00:00-05:00',
      latest: '2031-03-13T17:00:00-05:00',
      timeZone: 'America/Chicago',
      reason: 'Follow-up on blood pressure medication',
    });

  it('a patient requests a window; a coordinator books a slot in it, once', async () => {
    const patientId = randomUUID();
    const requested = await request(patientId, await bearer('patient', patientId));
    expect(requested.status).toBe(201);
    const { appointmentId, status } = requested.body as { appointmentId: string; status: string };
    expect(status).toBe('proposed');
    expect(await t.typesOf(appointmentId)).toEqual(['AppointmentRequested']);

    const providerId = randomUUID();
    await bookableProvider(t, t.coordinator, providerId);
    const slot = {
      providerId,
      start: '2031-03-10T09:00:00-04:00',
      end: '2031-03-10T09:30:00-04:00',
      timeZone: 'America/New_York',
      patientLocation: TEST_PATIENT_LOCATION,
    };
    const path = `/api/v1/appointment-requests/${appointmentId}/book`;
    const booked = await callService(t.url, 'POST', path, t.coordinator, slot);
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ appointmentId, patientId, providerId, status: 'booked' });
    expect(await t.typesOf(appointmentId)).toEqual(['AppointmentRequested', 'AppointmentBooked']);
    expect((await callService(t.url, 'POST', path, t.coordinator, slot)).status).toBe(409);
  });

  it('refuses a patient requesting for someone else, and a request that is not there', async () => {
    const other = await request(randomUUID(), await bearer('patient', randomUUID()));
    expect(other.status).toBe(403);
    const missing = await callService(
      t.url,
      'POST',
      `/api/v1/appointment-requests/${randomUUID()}/book`,
      t.coordinator,
      {
        providerId: randomUUID(),
        start: '2031-03-10T09:00:00-04:00',
        end: '2031-03-10T09:30:00-04:00',
        timeZone: 'America/New_York',
        patientLocation: TEST_PATIENT_LOCATION,
      },
    );
    expect(missing.status).toBe(404);
  });
});
