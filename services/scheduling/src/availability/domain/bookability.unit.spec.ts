import { isBookable } from './bookability';
import type { BookedInterval } from './booked-interval';
import type { ScheduleRules } from './schedule-rules';
import { everyDay, rules, scheduleOf } from '../testing/schedule.fixture';

// Monday 2026-03-16, New York (UTC-4): window 09:00-12:00 local is 13:00-16:00Z.
const schedule = (overrides: Partial<ScheduleRules> = {}) =>
  scheduleOf(
    rules({
      weeklyRules: everyDay('09:00', '12:00'),
      bufferMinutes: { before: 0, after: 10 },
      minimumNoticeMinutes: 60,
      bookingHorizonDays: 30,
      dailyMaxVisits: 2,
      exceptions: [
        { kind: 'closed', date: '2026-03-17' },
        { kind: 'away', date: '2026-03-18', start: '10:00', end: '11:00' },
      ],
      ...overrides,
    }),
  );
const NOW = new Date('2026-03-16T12:15:00Z');
const visit = (start: string, minutes = 30, visitType: 'video' | 'audio' = 'video') => ({
  start: new Date(start),
  end: new Date(new Date(start).getTime() + minutes * 60_000),
  visitType,
});
const held = (start: string, id: string): BookedInterval => ({
  appointmentId: id,
  ...visit(start),
});

describe('isBookable', () => {
  it('admits a slot inside the hours, with the buffers the booking must hold', () => {
    expect(isBookable(schedule(), visit('2026-03-16T14:00:00Z'), [], NOW)).toEqual({
      bookable: true,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 10,
    });
  });

  test.each([
    ['before the hours', visit('2026-03-16T12:30:00Z'), [], 'outside-availability'],
    [
      'running past the hours with its buffer',
      visit('2026-03-16T15:30:00Z'),
      [],
      'outside-availability',
    ],
    [
      'the wrong length for the visit type',
      visit('2026-03-16T14:00:00Z', 45),
      [],
      'outside-availability',
    ],
    ['on a closed date', visit('2026-03-17T14:00:00Z'), [], 'exception'],
    ['while the provider is away', visit('2026-03-18T14:15:00Z'), [], 'exception'],
    ['inside the minimum notice', visit('2026-03-16T13:00:00Z'), [], 'too-soon'],
    ['beyond the horizon', visit('2026-04-16T14:00:00Z'), [], 'beyond-horizon'],
    [
      'on the buffer of a booked visit',
      visit('2026-03-16T14:35:00Z'),
      [held('2026-03-16T14:00:00Z', 'a-1')],
      'overlaps-booked-time',
    ],
    [
      'on a full day',
      visit('2026-03-16T15:00:00Z'),
      [held('2026-03-16T13:00:00Z', 'a-1'), held('2026-03-16T14:00:00Z', 'a-2')],
      'daily-maximum-reached',
    ],
  ])('refuses a slot %s', (_, request, booked, reason) => {
    expect(isBookable(schedule(), request, booked, NOW)).toMatchObject({ bookable: false, reason });
  });

  it('refuses a visit type the hours do not admit', () => {
    const videoOnly = schedule({
      weeklyRules: [{ weekday: 'MO', start: '09:00', end: '12:00', visitTypes: ['video'] }],
    });
    expect(
      isBookable(videoOnly, visit('2026-03-16T14:00:00Z', 20, 'audio'), [], NOW),
    ).toMatchObject({
      reason: 'outside-availability',
    });
  });

  it('refuses every date before the schedule takes effect', () => {
    expect(
      isBookable(schedule({ effectiveFrom: '2026-04-01' }), visit('2026-03-16T14:00:00Z'), [], NOW),
    ).toMatchObject({
      reason: 'outside-availability',
    });
  });
});
