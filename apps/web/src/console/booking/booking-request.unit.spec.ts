import {
  BookingCriteria,
  bookingBody,
  criteriaProblems,
  providerSlots,
  refusalText,
  Slot,
  slotSearchPath,
  slotsByDay,
} from './booking-request';

const criteria: BookingCriteria = {
  patientId: '3f1e6f0c-4a0b-4c55-9d0e-2b7a1f6c9a10',
  patientState: 'NY',
  visitType: 'video',
  clinicId: 'c1',
  providerId: '',
  fromDate: '2026-03-09',
  toDate: '2026-03-10',
  interpreter: { needed: true, language: 'es', mode: 'pool' },
};
const slot = (start: string, localStart: string): Slot => ({
  providerId: 'p1',
  visitType: 'video',
  start,
  end: start,
  localStart,
  localEnd: localStart,
  timeZone: 'America/New_York',
});

describe('a booking on behalf of a patient', () => {
  it('names each field that is wrong before asking the services', () => {
    expect(criteriaProblems(criteria)).toEqual({});
    expect(
      Object.keys(
        criteriaProblems({
          ...criteria,
          patientId: 'nobody',
          patientState: 'ny',
          toDate: '2026-03-01',
          interpreter: { needed: true, language: 'Spanish', mode: 'pool' },
        }),
      ).sort(),
    ).toEqual(['interpreter', 'patientId', 'patientState', 'toDate']);
  });

  it('refuses a range of more than 31 days', () => {
    expect(criteriaProblems({ ...criteria, toDate: '2026-04-20' }).toDate).toContain('31 days');
  });

  it("searches the clinic's providers, or the one chosen, through the last day included", () => {
    const clinic = slotSearchPath(criteria, 'America/New_York');
    expect(clinic).toMatch(/^\/api\/v1\/clinics\/c1\/slots\?/);
    const query = new URLSearchParams(clinic.split('?')[1]);
    expect(new Date(query.get('to')!).getTime() - new Date(query.get('from')!).getTime()).toBe(
      2 * 86_400_000,
    );
    expect(query.get('visitType')).toBe('video');
    expect(slotSearchPath({ ...criteria, providerId: 'p9' }, 'UTC')).toMatch(
      /^\/api\/v1\/providers\/p9\/slots\?/,
    );
  });

  it('books with an interpreter of the pool, or one drawn on demand', () => {
    const s = slot('2026-03-09T14:00:00.000Z', '2026-03-09T10:00:00');
    expect(bookingBody(criteria, s, 'America/New_York')).toMatchObject({
      providerId: 'p1',
      patientLocation: { state: 'NY' },
      interpreter: { language: 'es' },
    });
    expect(
      bookingBody(
        { ...criteria, interpreter: { needed: true, language: 'es', mode: 'on-demand' } },
        s,
        'UTC',
      ).interpreter,
    ).toEqual({ language: 'es', onDemand: true });
    expect(
      bookingBody({ ...criteria, interpreter: { needed: false } }, s, 'UTC'),
    ).not.toHaveProperty('interpreter');
  });

  it('lists only slots still ahead, grouped by day', () => {
    const days = slotsByDay(
      [
        slot('2026-03-09T12:00:00.000Z', '2026-03-09T08:00:00'),
        slot('2026-03-09T14:00:00.000Z', '2026-03-09T10:00:00'),
        slot('2026-03-10T14:00:00.000Z', '2026-03-10T10:00:00'),
      ],
      new Date('2026-03-09T13:00:00Z'),
      10,
    );
    expect(days.map((d) => [d.day, d.slots.length])).toEqual([
      ['2026-03-09', 1],
      ['2026-03-10', 1],
    ]);
  });

  it("offers providers' slots, not an interpreter's", () => {
    const ours = slot('2026-03-09T14:00:00.000Z', '2026-03-09T10:00:00');
    const interpreters = { ...ours, providerId: 'i1' };
    const unlisted = { ...ours, providerId: 'p2' };
    expect(
      providerSlots(
        [ours, interpreters, unlisted],
        [
          { staffId: 'p1', functions: ['provider'] },
          { staffId: 'i1', functions: ['interpreter'] },
        ],
      ).map((s) => s.providerId),
    ).toEqual(['p1', 'p2']);
  });

  it("says what kind of refusal it is, in the service's words", () => {
    expect(refusalText(409, 'The provider is booked then.', [])).toContain('no longer free');
    expect(refusalText(400, 'Invalid input', ['patientId must be a UUID'])).toContain(
      'patientId must be a UUID',
    );
  });
});
