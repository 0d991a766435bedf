import { dutyFor } from './on-duty';
import { rules, scheduleOf } from '../testing/schedule.fixture';

// Monday 2026-03-09 in New York (UTC-4): hours 09:00-17:00, 30-minute video slots.
const visit = (start: string, end: string, visitType: 'video' | 'audio' = 'video') => ({
  start: new Date(start),
  end: new Date(end),
  visitType,
});

describe('an interpreter is on duty for a visit within their hours', () => {
  it('covers a visit of any length within the hours, and gives their buffers', () =>
    expect(
      dutyFor(
        scheduleOf(rules({ bufferMinutes: { before: 5, after: 10 } })),
        visit('2026-03-09T10:00:00-04:00', '2026-03-09T10:45:00-04:00'),
      ),
    ).toEqual({ onDuty: true, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 }));

  it('does not cover a visit whose buffer falls outside the hours', () =>
    expect(
      dutyFor(
        scheduleOf(rules({ bufferMinutes: { before: 0, after: 10 } })),
        visit('2026-03-09T16:30:00-04:00', '2026-03-09T17:00:00-04:00'),
      ),
    ).toEqual({ onDuty: false, detail: 'not within their video hours' }));

  it('does not cover a visit type their hours leave out', () =>
    expect(
      dutyFor(
        scheduleOf(
          rules({
            weeklyRules: [{ weekday: 'MO', start: '09:00', end: '17:00', visitTypes: ['audio'] }],
          }),
        ),
        visit('2026-03-09T10:00:00-04:00', '2026-03-09T10:30:00-04:00'),
      ),
    ).toMatchObject({ onDuty: false }));

  it('says when they are away that day', () =>
    expect(
      dutyFor(
        scheduleOf(rules({ exceptions: [{ date: '2026-03-09', kind: 'closed' }] })),
        visit('2026-03-09T10:00:00-04:00', '2026-03-09T10:30:00-04:00'),
      ),
    ).toEqual({ onDuty: false, detail: 'away on 2026-03-09' }));

  it('has nobody on duty before their schedule takes effect', () =>
    expect(
      dutyFor(scheduleOf(rules()), visit('2025-12-01T10:00:00-05:00', '2025-12-01T10:30:00-05:00')),
    ).toEqual({ onDuty: false, detail: 'no schedule for that date' }));
});
