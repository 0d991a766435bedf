import type { ScheduleRules } from './schedule-rules';
import { validateScheduleRules } from './schedule-rules.validation';
import { rules } from '../testing/schedule.fixture';

const monday = (start: string, end: string, visitTypes: ('video' | 'audio')[] = ['video']) => ({
  weekday: 'MO' as const,
  start,
  end,
  visitTypes,
});

describe('schedule rules are checked, and every refusal names its field', () => {
  it('accepts a sound schedule', () => expect(validateScheduleRules(rules())).toEqual([]));

  test.each<[string, Partial<ScheduleRules>, string, RegExp]>([
    ['unknown zone', { timeZone: 'America/Gotham' }, 'timeZone', /not an IANA time zone/],
    ['offset instead of a zone', { timeZone: 'UTC+5' }, 'timeZone', /not an IANA time zone/],
    [
      'zero-length video slot',
      { slotMinutes: { video: 0, audio: 20 } },
      'slotMinutes.video',
      /from 5 to 240/,
    ],
    [
      'negative buffer',
      { bufferMinutes: { before: -5, after: 0 } },
      'bufferMinutes.before',
      /from 0 to 120/,
    ],
    ['no horizon', { bookingHorizonDays: 0 }, 'bookingHorizonDays', /from 1 to 730/],
    ['fractional notice', { minimumNoticeMinutes: 1.5 }, 'minimumNoticeMinutes', /whole number/],
    ['zero daily maximum', { dailyMaxVisits: 0 }, 'dailyMaxVisits', /from 1 to 200/],
    ['impossible effective date', { effectiveFrom: '2026-02-30' }, 'effectiveFrom', /date/],
    [
      'end before start',
      { weeklyRules: [monday('12:00', '09:00')] },
      'weeklyRules[0].end',
      /after start 12:00/,
    ],
    [
      'end equal to start',
      { weeklyRules: [monday('09:00', '09:00')] },
      'weeklyRules[0].end',
      /after start/,
    ],
    ['malformed time', { weeklyRules: [monday('9am', '12:00')] }, 'weeklyRules[0].start', /HH:mm/],
    [
      'overlapping windows',
      { weeklyRules: [monday('09:00', '12:00'), monday('11:30', '13:00', ['audio'])] },
      'weeklyRules[1]',
      /overlaps weeklyRules\[0\] \(MO 09:00-12:00\)/,
    ],
    [
      'window shorter than a slot',
      { weeklyRules: [monday('09:00', '09:20')] },
      'weeklyRules[0]',
      /cannot hold one video visit/,
    ],
    [
      'no visit type',
      { weeklyRules: [monday('09:00', '12:00', [])] },
      'weeklyRules[0].visitTypes',
      /video and\/or audio/,
    ],
    [
      'repeated visit type',
      { weeklyRules: [monday('09:00', '12:00', ['video', 'video'])] },
      'weeklyRules[0].visitTypes',
      /each once/,
    ],
    [
      'exception on an impossible date',
      { exceptions: [{ kind: 'closed', date: '2026-13-01' }] },
      'exceptions[0].date',
      /date/,
    ],
    [
      'absence ending before it starts',
      { exceptions: [{ kind: 'away', date: '2026-03-09', start: '11:00', end: '10:00' }] },
      'exceptions[0].end',
      /after start/,
    ],
    [
      'overlapping other hours',
      {
        exceptions: [
          {
            kind: 'hours',
            date: '2026-03-09',
            start: '09:00',
            end: '11:00',
            visitTypes: ['video'],
          },
          {
            kind: 'hours',
            date: '2026-03-09',
            start: '10:00',
            end: '12:00',
            visitTypes: ['audio'],
          },
        ],
      },
      'exceptions[1]',
      /overlaps exceptions\[0\]/,
    ],
    [
      'other hours on a closed date',
      {
        exceptions: [
          { kind: 'closed', date: '2026-03-09' },
          {
            kind: 'hours',
            date: '2026-03-09',
            start: '09:00',
            end: '11:00',
            visitTypes: ['video'],
          },
        ],
      },
      'exceptions[1]',
      /also closed/,
    ],
  ])('%s', (_, overrides, field, reason) => {
    expect(validateScheduleRules(rules(overrides))).toEqual(
      expect.arrayContaining([{ field, reason: expect.stringMatching(reason) as string }]),
    );
  });

  it('windows on different weekdays may share hours', () => {
    const tuesday = { ...monday('09:00', '12:00'), weekday: 'TU' as const };
    expect(
      validateScheduleRules(rules({ weeklyRules: [monday('09:00', '12:00'), tuesday] })),
    ).toEqual([]);
  });
});
