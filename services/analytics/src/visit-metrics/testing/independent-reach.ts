import { DateTime } from 'luxon';
import type { FixtureEvent } from './visit-events.fixture';

type Row = Record<string, number | null>;
export interface ExpectedReach {
  readonly values: Record<
    'messages' | 'reached' | 'reachRate' | 'bounced' | 'failed',
    number | null
  >;
  readonly failures: Record<string, number>;
}

/**
 * The reach figures straight from the raw events, the way an analyst would in a spreadsheet:
 * list each message's outcomes per channel, then count. Keyed by `<month>` or
 * `<month>|<clinic, kind or channel>` (clinic `-` for messages about no visit booked).
 */
export function independentReach(
  events: readonly FixtureEvent[],
  by?: 'clinic' | 'kind' | 'channel',
): Map<string, ExpectedReach> {
  const clinicOf = new Map(
    events
      .filter((e) => e.type.includes('.AppointmentBooked.'))
      .map((e) => [e.data['appointmentId'] as string, e.data['clinicId'] as string]),
  );
  const messages = new Map<
    string,
    { kind: string; appointmentId?: string; first: string; rows: Record<string, string>[] }
  >();
  for (const e of events.filter((x) => x.type.startsWith('thc.notifications.Notification'))) {
    const d = e.data as Record<string, string>;
    const messageId = d['messageId'] ?? '';
    const at = d['sentAt'] ?? d['failedAt'] ?? d['bouncedAt'] ?? '';
    const m = messages.get(messageId) ?? {
      kind: d['kind'] ?? '',
      ...(d['appointmentId'] ? { appointmentId: d['appointmentId'] } : {}),
      first: at,
      rows: [],
    };
    if (at < m.first) m.first = at;
    m.rows.push({
      what: e.type.split('.')[2] ?? '',
      channel: d['channel'] ?? 'none',
      reason: d['reason'] ?? '',
    });
    messages.set(messageId, m);
  }
  const cells = new Map<
    string,
    {
      n: number;
      reached: number;
      bounced: number;
      failed: number;
      failures: Record<string, number>;
    }
  >();
  const cell = (key: string) => {
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { n: 0, reached: 0, bounced: 0, failed: 0, failures: {} }));
    return c;
  };
  for (const m of messages.values()) {
    const month = m.first.slice(0, 7);
    const has = (what: string, channel: string) =>
      m.rows.some((r) => r.what === `Notification${what}` && r.channel === channel);
    const reachedOn = (channel: string) => has('Sent', channel) && !has('Bounced', channel);
    const failures = m.rows.filter((r) => r.what === 'NotificationFailed');
    if (by === 'channel') {
      for (const channel of ['email', 'sms']) {
        if (!m.rows.some((r) => r.channel === channel)) continue;
        const c = cell(`${month}|${channel}`);
        c.n += 1;
        if (reachedOn(channel)) c.reached += 1;
        if (has('Bounced', channel)) c.bounced += 1;
        if (has('Failed', channel)) c.failed += 1;
        for (const f of failures.filter((r) => r.channel === channel))
          c.failures[f['reason'] ?? ''] = (c.failures[f['reason'] ?? ''] ?? 0) + 1;
      }
      continue;
    }
    const dim =
      by === 'clinic'
        ? (m.appointmentId && clinicOf.get(m.appointmentId)) || '-'
        : by === 'kind'
          ? m.kind
          : undefined;
    const c = cell(dim === undefined ? month : `${month}|${dim}`);
    c.n += 1;
    if (reachedOn('email') || reachedOn('sms')) c.reached += 1;
    if (m.rows.some((r) => r.what === 'NotificationBounced')) c.bounced += 1;
    if (failures.length > 0) c.failed += 1;
    for (const f of failures)
      c.failures[f['reason'] ?? ''] = (c.failures[f['reason'] ?? ''] ?? 0) + 1;
  }
  const result = new Map<string, ExpectedReach>();
  for (const [key, c] of cells)
    result.set(key, {
      values: {
        messages: c.n,
        reached: c.reached,
        reachRate: c.n ? c.reached / c.n : null,
        bounced: c.bounced,
        failed: c.failed,
      },
      failures: c.failures,
    });
  return result;
}

/**
 * Attendance with and without a reminder that reached someone, straight from the raw events:
 * visits that ended completed or as a no-show, by `<month>|<clinicId>` of their start in the
 * provider's zone.
 */
export function independentAttendance(events: readonly FixtureEvent[]): Map<string, Row> {
  const of = (name: string) =>
    events.filter((e) => e.type.split('.')[2] === name).map((e) => e.data);
  const booked = new Map(of('AppointmentBooked').map((d) => [d['appointmentId'] as string, d]));
  const completed = new Set(of('AppointmentCompleted').map((d) => d['appointmentId'] as string));
  const noShow = new Set(of('AppointmentNoShow').map((d) => d['appointmentId'] as string));
  const reminderRows = [...of('NotificationSent'), ...of('NotificationBounced')].filter(
    (d) => d['kind'] === 'reminder',
  );
  const reminded = new Set(
    of('NotificationSent')
      .filter((d) => d['kind'] === 'reminder')
      .filter(
        (s) =>
          !reminderRows.some(
            (b) =>
              b['messageId'] === s['messageId'] &&
              b['channel'] === s['channel'] &&
              'bouncedAt' in b,
          ),
      )
      .map((s) => s['appointmentId'] as string),
  );
  const lists = new Map<string, { ended: [number, number]; attended: [number, number] }>();
  for (const [appointmentId, b] of booked) {
    if (!completed.has(appointmentId) && !noShow.has(appointmentId)) continue;
    const day =
      DateTime.fromISO(b['start'] as string, { zone: b['timeZone'] as string }).toISODate() ?? '';
    const key = `${day.slice(0, 7)}|${b['clinicId'] as string}`;
    const entry = lists.get(key) ?? { ended: [0, 0], attended: [0, 0] };
    const group = reminded.has(appointmentId) ? 0 : 1;
    entry.ended[group] += 1;
    if (completed.has(appointmentId)) entry.attended[group] += 1;
    lists.set(key, entry);
  }
  const div = (a: number, b: number) => (b > 0 ? a / b : null);
  return new Map(
    [...lists].map(([key, { ended, attended }]) => [
      key,
      {
        visitsReminded: ended[0],
        attendanceRateReminded: div(attended[0], ended[0]),
        visitsNotReminded: ended[1],
        attendanceRateNotReminded: div(attended[1], ended[1]),
      } as Row,
    ]),
  );
}
