import { availableMinutesOn, ScheduleFacts } from './available-minutes';
import { meanOpinionScore } from './mean-opinion-score';

const schedule: ScheduleFacts = {
  _id: 'p',
  clinicId: 'c',
  timeZone: 'America/New_York',
  effectiveFrom: '2026-03-02',
  weeklyRules: [
    { weekday: 'MO', start: '09:00', end: '12:00' },
    { weekday: 'MO', start: '13:00', end: '17:30' },
    { weekday: 'TH', start: '13:00', end: '17:00' },
  ],
  exceptions: [
    { kind: 'closed', date: '2026-03-09' },
    { kind: 'hours', date: '2026-03-12', start: '10:00', end: '11:00' },
  ],
};

describe('available minutes', () => {
  it.each([
    ['a Monday with two periods', '2026-03-02', 450],
    ['a Thursday', '2026-03-05', 240],
    ['a day without rules', '2026-03-04', 0],
    ['a closed Monday', '2026-03-09', 0],
    ['exception hours', '2026-03-12', 60],
    ['before the schedule takes effect', '2026-02-23', 0],
  ])('%s', (_, day, minutes) => expect(availableMinutesOn(schedule, day)).toBe(minutes));
});

describe('mean opinion score', () => {
  it('is near 4.4 on a clean connection and falls with delay, jitter and loss', () => {
    const clean = meanOpinionScore({ rttMs: 40, jitterMs: 2, packetLossPercent: 0 });
    const poor = meanOpinionScore({ rttMs: 600, jitterMs: 60, packetLossPercent: 5 });
    expect(clean).toBeGreaterThan(4.3);
    expect(poor).toBeLessThan(3.5);
    expect(meanOpinionScore({ rttMs: 5000, jitterMs: 500, packetLossPercent: 100 })).toBe(1);
  });
});
