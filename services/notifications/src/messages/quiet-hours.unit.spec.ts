import { quietHoursEnd } from './quiet-hours';

const NIGHT = { start: '21:00', end: '08:00' };
const NEW_YORK = 'America/New_York';
const end = (at: string, quiet = NIGHT, zone = NEW_YORK): string | undefined =>
  quietHoursEnd(new Date(at), zone, quiet)?.toISOString();

describe('quiet hours', () => {
  it('hold a message sent late in the evening until the next morning', () => {
    // 22:30 in New York on Tuesday 10 March (EDT, UTC−4)
    expect(end('2026-03-11T02:30:00Z')).toBe('2026-03-11T12:00:00.000Z');
  });

  it('hold a message sent after midnight until the same morning', () => {
    expect(end('2026-03-11T07:00:00Z')).toBe('2026-03-11T12:00:00.000Z');
  });

  it('let a message through in the daytime', () => {
    expect(end('2026-03-11T16:00:00Z')).toBeUndefined();
  });

  it('begin at their start and are over at their end', () => {
    expect(end('2026-03-11T01:00:00Z')).toBe('2026-03-11T12:00:00.000Z');
    expect(end('2026-03-11T12:00:00Z')).toBeUndefined();
    expect(end('2026-03-11T11:59:59Z')).toBe('2026-03-11T12:00:00.000Z');
  });

  it('end at 08:00 on the local clock on the night it springs forward', () => {
    // 23:00 EST on Saturday 7 March; the clocks go to EDT at 02:00, so 08:00 is 12:00 UTC
    expect(end('2026-03-08T04:00:00Z')).toBe('2026-03-08T12:00:00.000Z');
  });

  it('end at 08:00 on the local clock on the night it falls back', () => {
    // 22:00 EDT on Saturday 31 October; 08:00 EST on Sunday is 13:00 UTC
    expect(end('2026-11-01T02:00:00Z')).toBe('2026-11-01T13:00:00.000Z');
  });

  it('end when the clock jumps past an end time the spring-forward night skips', () => {
    // 02:30 does not exist on 8 March in New York: the clock goes from 02:00 EST to 03:00 EDT
    expect(end('2026-03-08T04:00:00Z', { start: '21:00', end: '02:30' })).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('end at the next reading of an end time the fall-back night repeats', () => {
    const quiet = { start: '21:00', end: '01:30' };
    // 00:30 EDT: the first 01:30 (EDT) comes next
    expect(end('2026-11-01T04:30:00Z', quiet)).toBe('2026-11-01T05:30:00.000Z');
    // 01:10 EST, the second time round: the second 01:30 (EST) comes next
    expect(end('2026-11-01T06:10:00Z', quiet)).toBe('2026-11-01T06:30:00.000Z');
  });

  it('work as a window within one day', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(end('2026-03-11T17:00:00Z', lunch)).toBe('2026-03-11T18:00:00.000Z');
    expect(end('2026-03-11T19:00:00Z', lunch)).toBeUndefined();
    expect(end('2026-03-11T15:00:00Z', lunch)).toBeUndefined();
  });

  it("are read on the recipient's own clock", () => {
    // 16:00 UTC is 01:00 on 12 March in Tokyo
    expect(end('2026-03-11T16:00:00Z', NIGHT, 'Asia/Tokyo')).toBe('2026-03-11T23:00:00.000Z');
  });

  it('are none when not set, or when they start as they end', () => {
    expect(quietHoursEnd(new Date('2026-03-11T02:30:00Z'), NEW_YORK, undefined)).toBeUndefined();
    expect(end('2026-03-11T02:30:00Z', { start: '22:00', end: '22:00' })).toBeUndefined();
  });

  it('refuse a clock time that is not HH:mm, or an unknown zone', () => {
    expect(() => end('2026-03-11T02:30:00Z', { start: '9pm', end: '08:00' })).toThrow(/start/);
    expect(() => end('2026-03-11T02:30:00Z', { start: '21:00', end: '24:00' })).toThrow(/end/);
    expect(() => end('2026-03-11T02:30:00Z', NIGHT, 'Mars/Olympus')).toThrow(RangeError);
  });
});
