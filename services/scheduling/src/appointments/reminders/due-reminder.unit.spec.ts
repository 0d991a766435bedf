import { reminderKey } from '../domain/appointment.state';
import { dueReminderOffset } from './due-reminder';

const start = '2026-03-09T09:00:00-04:00'; // 13:00 UTC
const at = (iso: string) => new Date(iso);

describe('which reminder is due', () => {
  it.each([
    ['two days before', '2026-03-07T13:00:00Z', undefined],
    ['exactly 24 h before', '2026-03-08T13:00:00Z', 1440],
    ['2 h before', '2026-03-09T11:00:00Z', 1440],
    ['exactly 1 h before', '2026-03-09T12:00:00Z', 60],
    ['5 min before', '2026-03-09T12:55:00Z', 60],
    ['at the start', '2026-03-09T13:00:00Z', undefined],
  ])('%s: %s', (_, now, expected) => {
    expect(dueReminderOffset(start, at(now), [1440, 60], [])).toBe(expected);
  });

  it('nothing once that reminder was due for this start', () => {
    expect(
      dueReminderOffset(start, at('2026-03-09T12:30:00Z'), [1440, 60], [reminderKey(start, 60)]),
    ).toBeUndefined();
  });

  it('a moved visit starts afresh: the old start time reminders do not count', () => {
    const earlier = '2026-03-09T08:00:00-04:00';
    expect(
      dueReminderOffset(start, at('2026-03-09T12:30:00Z'), [1440, 60], [reminderKey(earlier, 60)]),
    ).toBe(60);
  });
});
