import type { BookedInterval } from './booked-interval';
import { freeSlots } from './free-slots';
import type { ScheduleRules } from './schedule-rules';
import { everyDay, rules, scheduleOf } from '../testing/schedule.fixture';

// Monday 2026-03-16 in New York (EDT, UTC-4): 09:00 local is 13:00Z.
const DAY = { from: new Date('2026-03-16T04:00:00Z'), to: new Date('2026-03-17T04:00:00Z') };
const EARLY = new Date('2026-03-01T00:00:00Z');

const booked = (start: string, end: string, id = 'a-1'): BookedInterval => ({
  appointmentId: id,
  start: new Date(start),
  end: new Date(end),
});

function startsOf(
  overrides: Partial<ScheduleRules>,
  options: { booked?: BookedInterval[]; now?: Date; visitType?: 'video' | 'audio' } = {},
): string[] {
  return freeSlots(scheduleOf(rules({ weeklyRules: everyDay('09:00', '12:00'), ...overrides })), {
    ...DAY,
    visitType: options.visitType ?? 'video',
    booked: options.booked ?? [],
    now: options.now ?? EARLY,
  }).map((slot) => slot.start.toISOString().slice(11, 16));
}

describe('free slots follow the schedule rules', () => {
  test.each([
    ['video, 30 min', 'video', ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30']],
    [
      'audio, 20 min',
      'audio',
      ['13:00', '13:20', '13:40', '14:00', '14:20', '14:40', '15:00', '15:20', '15:40'],
    ],
  ] as const)('slot length per visit type: %s', (_, visitType, expected) => {
    expect(startsOf({}, { visitType })).toEqual(expected);
  });

  test.each([
    ['no buffers', { before: 0, after: 0 }, ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30']],
    ['10 min after', { before: 0, after: 10 }, ['13:00', '13:40', '14:20', '15:00']],
    ['5 before, 10 after', { before: 5, after: 10 }, ['13:05', '13:50', '14:35', '15:20']],
  ])('buffers keep every offered slot bookable together: %s', (_, bufferMinutes, expected) => {
    expect(startsOf({ bufferMinutes })).toEqual(expected);
  });

  test.each([
    [
      'a booked visit takes its own slot',
      { before: 0, after: 0 },
      ['13:00', '14:00', '14:30', '15:00', '15:30'],
    ],
    ['and its buffers the neighbours', { before: 0, after: 30 }, ['15:00']],
  ])('%s', (_, bufferMinutes, expected) => {
    const visit = booked('2026-03-16T13:30:00Z', '2026-03-16T14:00:00Z');
    expect(startsOf({ bufferMinutes }, { booked: [visit] })).toEqual(expected);
  });

  test.each([
    ['no notice', 0, '2026-03-16T13:10:00Z', ['13:30', '14:00', '14:30', '15:00', '15:30']],
    ['two hours notice', 120, '2026-03-16T13:10:00Z', ['15:30']],
    ['notice reaching past the day', 24 * 60, '2026-03-16T12:00:00Z', []],
  ])('minimum notice: %s', (_, minimumNoticeMinutes, now, expected) => {
    expect(startsOf({ minimumNoticeMinutes }, { now: new Date(now) })).toEqual(expected);
  });

  test.each([
    ['the whole day inside the horizon', 15, 6],
    ['the horizon ending mid-morning', 14, 3],
    ['the horizon ending the day before', 13, 0],
  ])('booking horizon: %s', (_, bookingHorizonDays, count) => {
    // Now: Monday 2026-03-02 10:15 EST. 14 local days later is 2026-03-16 10:15 EDT (14:15Z):
    // the same wall time across the change, not 14 x 24 hours.
    const now = new Date('2026-03-02T15:15:00Z');
    expect(startsOf({ bookingHorizonDays }, { now })).toHaveLength(count);
  });

  test.each([
    ['no maximum', undefined, [], 6],
    ['maximum 4, nothing booked', 4, [], 4],
    [
      'maximum 4, two booked that day',
      4,
      [
        booked('2026-03-16T14:00:00Z', '2026-03-16T14:30:00Z'),
        booked('2026-03-16T15:00:00Z', '2026-03-16T15:30:00Z', 'a-2'),
      ],
      2,
    ],
    [
      'maximum 2, two booked that day',
      2,
      [
        booked('2026-03-16T14:00:00Z', '2026-03-16T14:30:00Z'),
        booked('2026-03-16T15:00:00Z', '2026-03-16T15:30:00Z', 'a-2'),
      ],
      0,
    ],
    [
      'maximum 2, two booked the day before',
      2,
      [
        booked('2026-03-15T14:00:00Z', '2026-03-15T14:30:00Z'),
        booked('2026-03-15T15:00:00Z', '2026-03-15T15:30:00Z', 'a-2'),
      ],
      2,
    ],
  ])(
    'daily maximum counts booked plus offered per local day: %s',
    (_, dailyMaxVisits, visits, count) => {
      const overrides = dailyMaxVisits === undefined ? {} : { dailyMaxVisits };
      expect(startsOf(overrides, { booked: visits })).toHaveLength(count);
    },
  );

  test.each([
    ['closed all day', [{ kind: 'closed', date: '2026-03-16' }], []],
    [
      'closed another day',
      [{ kind: 'closed', date: '2026-03-17' }],
      ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30'],
    ],
    [
      'away 10:00-11:00',
      [{ kind: 'away', date: '2026-03-16', start: '10:00', end: '11:00' }],
      ['13:00', '13:30', '15:00', '15:30'],
    ],
    [
      'other hours, video only',
      [{ kind: 'hours', date: '2026-03-16', start: '14:00', end: '15:00', visitTypes: ['video'] }],
      ['18:00', '18:30'],
    ],
    [
      'other hours, audio only',
      [{ kind: 'hours', date: '2026-03-16', start: '14:00', end: '15:00', visitTypes: ['audio'] }],
      [],
    ],
  ] as const)('exceptions: %s', (_, exceptions, expected) => {
    expect(startsOf({ exceptions })).toEqual(expected);
  });

  it('a change dated ahead leaves the earlier days to the rules before it', () => {
    const before = rules({ weeklyRules: everyDay('09:00', '10:00') });
    const after = rules({ weeklyRules: everyDay('15:00', '16:00'), effectiveFrom: '2026-03-17' });
    const slots = freeSlots(scheduleOf(before, after), {
      from: DAY.from,
      to: new Date('2026-03-18T04:00:00Z'),
      visitType: 'video',
      booked: [],
      now: EARLY,
    }).map((slot) => slot.start.toISOString().slice(0, 16));
    expect(slots).toEqual([
      '2026-03-16T13:00',
      '2026-03-16T13:30',
      '2026-03-17T19:00',
      '2026-03-17T19:30',
    ]);
  });

  it('offers nothing before the schedule takes effect', () => {
    expect(startsOf({ effectiveFrom: '2026-03-17' })).toEqual([]);
  });
});
