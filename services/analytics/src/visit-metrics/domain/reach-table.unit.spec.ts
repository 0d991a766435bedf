import { messageContribution } from './message-contribution';
import type { MessageFacts } from './message-facts';
import { MessageBucket, monthsFrom, reachTable } from './reach-table';

const at = new Date('2026-03-10T12:00:00Z');
const counters = (channels: MessageFacts['channels']) =>
  messageContribution({ _id: 'x', kind: 'reminder', channels, firstOutcomeAt: at })!.counters;

// Four reminders of clinic A (two reached, one bounced, one with no SMS gateway beside a sent
// e-mail), one join link about no known visit that failed before any channel.
const BUCKETS: MessageBucket[] = [
  {
    month: '2026-03',
    clinicId: 'A',
    kind: 'reminder',
    m: {
      r1: counters({ email: { sent: true } }),
      r2: counters({ email: { sent: true, bounced: true } }),
      r3: counters({ sms: { failed: 'channel-not-configured' }, email: { sent: true } }),
      r4: counters({ email: { bounced: true } }),
    },
  },
  {
    month: '2026-03',
    kind: 'join-link',
    m: { j1: counters({ none: { failed: 'no-contact-point' } }) },
  },
  {
    month: '2026-05',
    clinicId: 'A',
    kind: 'reminder',
    m: { r5: counters({ sms: { sent: true } }) },
  },
];

describe('the reach table', () => {
  it('counts each message once: reached / messages with an outcome, failures by reason', () => {
    const [march, april, may] = reachTable({ from: '2026-03', to: '2026-05' }, BUCKETS);
    expect(march).toMatchObject({
      period: '2026-03',
      values: { messages: 5, reached: 2, reachRate: 2 / 5, bounced: 2, failed: 2 },
      failures: expect.objectContaining({
        'channel-not-configured': 1,
        'no-contact-point': 1,
        'opted-out': 0,
      }),
    });
    expect(april).toMatchObject({ period: '2026-04', values: { messages: 0, reachRate: null } });
    expect(may?.values.reachRate).toBe(1);
  });

  it('by channel counts per channel outcome', () => {
    const rows = reachTable({ from: '2026-03', to: '2026-03', by: 'channel' }, BUCKETS);
    expect(rows.map((r) => [r.channel, r.values])).toEqual([
      ['email', { messages: 4, reached: 2, reachRate: 0.5, bounced: 2, failed: 0 }],
      ['sms', { messages: 1, reached: 0, reachRate: 0, bounced: 0, failed: 1 }],
    ]);
    expect(rows[1]?.failures?.['channel-not-configured']).toBe(1);
  });

  it('by clinic puts messages about no known visit under clinic null; by kind, under their kind', () => {
    const clinics = reachTable({ from: '2026-03', to: '2026-03', by: 'clinic' }, BUCKETS);
    expect(clinics.map((r) => [r.clinicId, r.values.messages])).toEqual([
      [null, 1],
      ['A', 4],
    ]);
    const kinds = reachTable({ from: '2026-03', to: '2026-03', by: 'kind' }, BUCKETS);
    expect(kinds.map((r) => [r.kind, r.values.reachRate])).toEqual([
      ['join-link', 0],
      ['reminder', 0.5],
    ]);
  });

  it('withholds a cell of fewer messages than the minimum, whole; a month without any is shown', () => {
    const rows = reachTable({ from: '2026-03', to: '2026-04', minCellCount: 5 }, BUCKETS);
    expect(rows[0]?.suppressed).toBeUndefined();
    const small = reachTable(
      { from: '2026-03', to: '2026-04', by: 'kind', minCellCount: 5 },
      BUCKETS,
    );
    expect(small.map((r) => [r.kind, r.values.messages, r.failures, r.suppressed?.length])).toEqual(
      [
        ['join-link', null, null, 6],
        ['reminder', null, null, 6],
      ],
    );
    const empty = reachTable({ from: '2026-04', to: '2026-04', minCellCount: 5 }, BUCKETS);
    expect(empty[0]).toMatchObject({ values: { messages: 0 } });
    expect(empty[0]?.suppressed).toBeUndefined();
  });

  it('lists the months of a range, across a year', () => {
    expect(monthsFrom('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsFrom('2026-03', '2026-02')).toEqual([]);
  });
});
