import { METRICS } from './metric-definitions';
import { smallCells } from './small-cells';
import { visitContribution } from './visit-contribution';
import type { VisitFacts } from './visit-facts';

const booked: VisitFacts = {
  _id: 'a1',
  clinicId: 'c',
  providerId: 'p',
  visitType: 'video',
  start: new Date('2026-03-10T14:00:00Z'),
  end: new Date('2026-03-10T14:30:00Z'),
  timeZone: 'America/New_York',
  bookedAt: new Date('2026-03-01T14:00:00Z'),
};
const completed = { completed: { startedAt: booked.start!, endedAt: booked.end! } };
const FIGURES = [
  'visitsReminded',
  'attendanceRateReminded',
  'visitsNotReminded',
  'attendanceRateNotReminded',
] as const;
const figures = (counters: Record<string, number>) =>
  Object.fromEntries(
    FIGURES.map((name) => [name, METRICS.find((m) => m.name === name)!.value(counters)]),
  );

describe('attendance with and without a reminder that reached someone', () => {
  it.each([
    [
      'a reminder sent by e-mail, visit completed',
      { reminders: { m: { email: { sent: true } } }, ...completed },
      [1, 1, 0, null],
    ],
    [
      'a reminder refused by the address, visit completed',
      { reminders: { m: { email: { sent: true, bounced: true } } }, ...completed },
      [0, null, 1, 1],
    ],
    [
      'a bounced e-mail but an SMS sent, no-show',
      { reminders: { m: { email: { bounced: true }, sms: { sent: true } } }, noShow: 'patient' },
      [1, 0, 0, null],
    ],
    ['no reminder, no-show', { noShow: 'patient' }, [0, null, 1, 0]],
    [
      'a reminder sent, visit cancelled (it did not end)',
      { reminders: { m: { email: { sent: true } } }, cancelledAt: new Date() },
      [0, null, 0, null],
    ],
  ] as const)('%s', (_, facts, [reminded, rateReminded, notReminded, rateNotReminded]) => {
    const counters = visitContribution({ ...booked, ...facts } as VisitFacts)!.counters;
    expect(figures(counters)).toEqual({
      visitsReminded: reminded,
      attendanceRateReminded: rateReminded,
      visitsNotReminded: notReminded,
      attendanceRateNotReminded: rateNotReminded,
    });
  });

  it('a reminder that arrives later adds counters, never renames them (FerretDB skips that)', () => {
    const before = visitContribution({ ...booked, ...completed })!.counters;
    const after = visitContribution({
      ...booked,
      ...completed,
      reminders: { m: { email: { sent: true } } },
    })!.counters;
    expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length);
  });

  it('rates are completed / (completed + no-shows) within each group, sizes shown beside them', () => {
    // 32 visits ended: 20 with a reminder (18 came), 12 without (6 came).
    expect(figures({ completed: 24, noShow: 8, endedReminded: 20, attendedReminded: 18 })).toEqual({
      visitsReminded: 20,
      attendanceRateReminded: 0.9,
      visitsNotReminded: 12,
      attendanceRateNotReminded: 0.5,
    });
  });

  it('withholds each group under the minimum on its own, however many visits the cell has', () => {
    const counters = {
      scheduled: 200,
      completed: 141,
      noShow: 13,
      endedReminded: 150,
      attendedReminded: 140,
    };
    expect(smallCells(counters, [...FIGURES, 'scheduled'], 11)).toEqual([
      'visitsNotReminded',
      'attendanceRateNotReminded',
    ]);
  });
});
