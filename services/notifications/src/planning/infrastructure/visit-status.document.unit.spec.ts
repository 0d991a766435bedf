import { knownAppointmentOf, visitFactsOf, visitStatusOf } from './visit-status.document';

describe('the visit status as the dispatcher reads it', () => {
  const booked = {
    _id: '2b4d6f8a-0c1e-4a3b-9d5f-7a9c1e3b5d7f',
    patientId: '4d6f8a0c-2e4a-4b5c-8f7a-9c1e3b5d7f9a',
    start: '2026-03-09T09:00:00-04:00',
    end: '2026-03-09T09:30:00-04:00',
    visitType: 'video' as const,
    status: 'booked' as const,
  };

  it('is unknown for a visit neither booked nor created by sessions', () =>
    expect(
      visitStatusOf({ _id: booked._id, arrivedAt: '2026-03-09T12:58:00.000Z' }),
    ).toBeUndefined());

  it('counts a started visit as the patient being with the provider', () =>
    expect(visitStatusOf({ ...booked, startedAt: '2026-03-09T13:02:00.000Z' })?.admittedAt).toBe(
      '2026-03-09T13:02:00.000Z',
    ));

  it('keeps the earlier of admission and start', () =>
    expect(
      visitStatusOf({
        ...booked,
        admittedAt: '2026-03-09T13:01:00.000Z',
        startedAt: '2026-03-09T13:02:00.000Z',
      })?.admittedAt,
    ).toBe('2026-03-09T13:01:00.000Z'));

  it('names the visit in UTC until the booking (which names its zone) is seen', () =>
    expect(visitFactsOf(booked)?.timeZone).toBe('UTC'));

  it('knows the calendar sequence 0 and no caregivers when none were recorded', () =>
    expect(knownAppointmentOf(booked)).toMatchObject({ sequence: 0, caregiverIds: [] }));
});
