import { freeSlots } from './free-slots';
import { everyDay, rules, scheduleOf } from '../testing/schedule.fixture';
import { DateTime } from 'luxon';
import { renderIn } from './wall-clock';

const LONG_AGO = new Date('2025-01-01T00:00:00Z');

/** The slots of one provider-local day, as wall times (HH:mm±offset) in the provider's zone. */
function dayOfSlots(zone: string, date: string, start: string, end: string, slotMinutes = 30) {
  const schedule = scheduleOf(
    rules({
      timeZone: zone,
      weeklyRules: everyDay(start, end),
      slotMinutes: { video: slotMinutes, audio: slotMinutes },
    }),
  );
  // A range a day wider on each side: the zone's day is picked by the schedule, not the range.
  const dayStart = new Date(`${date}T00:00:00Z`).getTime();
  const slots = freeSlots(schedule, {
    from: new Date(dayStart - 86_400_000),
    to: new Date(dayStart + 2 * 86_400_000),
    visitType: 'video',
    booked: [],
    now: LONG_AGO,
  }).filter((slot) => renderIn(slot.start.getTime(), zone).startsWith(date));
  return {
    slots,
    wall: slots.map((slot) => DateTime.fromJSDate(slot.start, { zone }).toFormat('HH:mmZZ')),
    utc: slots.map((slot) => slot.start.toISOString().slice(0, 16)),
  };
}

describe('slots across DST changes', () => {
  describe('a 01:00-04:00 window on the day the clock springs forward has only wall times that exist', () => {
    test.each([
      [
        'America/New_York',
        '2026-03-08',
        ['01:00-05:00', '01:30-05:00', '03:00-04:00', '03:30-04:00'],
        '2026-03-08T06:00',
      ],
      [
        'Europe/London',
        '2026-03-29',
        ['02:00+01:00', '02:30+01:00', '03:00+01:00', '03:30+01:00'],
        '2026-03-29T01:00',
      ],
      [
        'Australia/Sydney',
        '2026-10-04',
        ['01:00+10:00', '01:30+10:00', '03:00+11:00', '03:30+11:00'],
        '2026-10-03T15:00',
      ],
    ])('%s on %s', (zone, date, wall, firstUtc) => {
      const day = dayOfSlots(zone, date, '01:00', '04:00');
      expect(day.wall).toEqual(wall);
      expect(day.utc[0]).toBe(firstUtc);
      // Back to back in real time: nothing skipped, nothing doubled.
      day.slots.slice(1).forEach((slot, i) => expect(slot.start).toEqual(day.slots[i]!.end));
    });
  });

  describe('a 01:00-04:00 window on the day the clock falls back repeats no slot and loses none', () => {
    test.each([
      [
        'America/New_York',
        '2026-11-01',
        4,
        ['01:00-04:00', '01:30-04:00', '01:00-05:00', '01:30-05:00'],
      ],
      [
        'Europe/London',
        '2026-10-25',
        4,
        ['01:00+01:00', '01:30+01:00', '01:00+00:00', '01:30+00:00'],
      ],
      [
        'Australia/Sydney',
        '2026-04-05',
        4,
        ['01:00+11:00', '01:30+11:00', '02:00+11:00', '02:30+11:00'],
      ],
    ])('%s on %s spans %i real hours', (zone, date, hours, firstFour) => {
      const day = dayOfSlots(zone, date, '01:00', '04:00');
      expect(day.slots).toHaveLength(hours * 2);
      expect(day.wall.slice(0, 4)).toEqual(firstFour);
      expect(new Set(day.utc).size).toBe(day.utc.length);
      day.slots.slice(1).forEach((slot, i) => expect(slot.start).toEqual(day.slots[i]!.end));
    });
  });

  describe('a 09:00-17:00 window keeps 09:00 local on both sides of the change', () => {
    test.each([
      ['America/New_York', '2026-03-07', '09:00-05:00', '14:00'],
      ['America/New_York', '2026-03-09', '09:00-04:00', '13:00'],
      ['America/New_York', '2026-10-31', '09:00-04:00', '13:00'],
      ['America/New_York', '2026-11-02', '09:00-05:00', '14:00'],
      ['Europe/London', '2026-03-28', '09:00+00:00', '09:00'],
      ['Europe/London', '2026-03-30', '09:00+01:00', '08:00'],
      ['Europe/London', '2026-10-24', '09:00+01:00', '08:00'],
      ['Europe/London', '2026-10-26', '09:00+00:00', '09:00'],
      ['Australia/Sydney', '2026-04-04', '09:00+11:00', '22:00'],
      ['Australia/Sydney', '2026-04-06', '09:00+10:00', '23:00'],
      ['Australia/Sydney', '2026-10-03', '09:00+10:00', '23:00'],
      ['Australia/Sydney', '2026-10-05', '09:00+11:00', '22:00'],
      ['Asia/Kolkata', '2026-03-08', '09:00+05:30', '03:30'],
      ['Asia/Kolkata', '2026-11-01', '09:00+05:30', '03:30'],
    ])('%s on %s', (zone, date, firstWall, firstUtcTime) => {
      const day = dayOfSlots(zone, date, '09:00', '17:00');
      expect(day.slots).toHaveLength(16);
      expect(day.wall[0]).toBe(firstWall);
      expect(day.utc[0]!.slice(11)).toBe(firstUtcTime);
    });
  });

  test.each([
    ['America/New_York', '2026-03-08', 16],
    ['America/New_York', '2026-11-01', 16],
    ['Asia/Kolkata', '2026-03-08', 16],
  ])('a daytime window on a change day in %s (%s) is untouched: %i slots', (zone, date, count) => {
    expect(dayOfSlots(zone, date, '09:00', '17:00').slots).toHaveLength(count);
  });

  it('a window that starts inside the spring-forward gap opens when the clock jumps', () => {
    expect(dayOfSlots('America/New_York', '2026-03-08', '02:00', '04:00').wall).toEqual([
      '03:00-04:00',
      '03:30-04:00',
    ]);
    expect(dayOfSlots('America/New_York', '2026-03-08', '02:30', '04:00').wall).toEqual([
      '03:00-04:00',
      '03:30-04:00',
    ]);
  });

  it('a window that ends inside the spring-forward gap closes when the clock jumps', () => {
    expect(dayOfSlots('America/New_York', '2026-03-08', '01:00', '02:30').wall).toEqual([
      '01:00-05:00',
      '01:30-05:00',
    ]);
  });

  it('Asia/Kolkata has no change: 01:00-04:00 is six slots every day', () => {
    for (const date of [
      '2026-03-08',
      '2026-03-29',
      '2026-04-05',
      '2026-10-04',
      '2026-10-25',
      '2026-11-01',
    ])
      expect(dayOfSlots('Asia/Kolkata', date, '01:00', '04:00').slots).toHaveLength(6);
  });
});
