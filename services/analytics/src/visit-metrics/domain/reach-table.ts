import { NOTIFICATION_FAILURE_REASONS } from '@thc/contracts';
import { MESSAGE_CHANNELS, MessageChannel } from './message-facts';
import { REACH_FIGURES, ReachFigureName } from './reach-figures';
import type { Counters } from './visit-contribution';

export type ReachDimension = 'clinic' | 'kind' | 'channel';
export type FailureReason = (typeof NOTIFICATION_FAILURE_REASONS)[number];

/** A month bucket of messages as stored: its dimensions and one counter vector per message. */
export interface MessageBucket {
  readonly month: string;
  /** Absent when the message is about no visit analytics knows. */
  readonly clinicId?: string;
  readonly kind: string;
  readonly m?: Readonly<Record<string, Readonly<Counters>>>;
}

export interface ReachRequest {
  /** First and last calendar month, `YYYY-MM`. */
  readonly from: string;
  readonly to: string;
  readonly by?: ReachDimension;
  /** Figures made of fewer messages than this are withheld (see small-cells.ts). */
  readonly minCellCount?: number;
}

export interface ReachRow {
  readonly period: string;
  /** Split by clinic: the clinic, or null for messages about no visit analytics knows. */
  readonly clinicId?: string | null;
  readonly kind?: string;
  readonly channel?: MessageChannel;
  readonly values: Record<ReachFigureName, number | null>;
  /** Failures by reason (codes, never the server's text); null when withheld. */
  readonly failures: Record<FailureReason, number> | null;
  /** Withheld as too small a cell: every figure and the failures. */
  readonly suppressed?: readonly (ReachFigureName | 'failures')[];
}

/**
 * The counters of one channel under the message-level names, so every reach figure reads the
 * same in a channel's row: its outcomes, those that reached the person, bounced, failed.
 */
function channelView(counters: Readonly<Counters>, channel: MessageChannel): Counters {
  const view: Counters = {
    messages: counters[`${channel}Outcomes`] ?? 0,
    reached: counters[`${channel}Reached`] ?? 0,
    bounced: counters[`${channel}Bounced`] ?? 0,
    failed: counters[`${channel}Failed`] ?? 0,
  };
  for (const reason of NOTIFICATION_FAILURE_REASONS)
    view[`fail_${channel}_${reason}`] = counters[`fail_${channel}_${reason}`] ?? 0;
  return view;
}

function failuresOf(counters: Readonly<Counters>): Record<FailureReason, number> {
  return Object.fromEntries(
    NOTIFICATION_FAILURE_REASONS.map((reason) => [
      reason,
      ['email', 'sms', 'none'].reduce((n, ch) => n + (counters[`fail_${ch}_${reason}`] ?? 0), 0),
    ]),
  ) as Record<FailureReason, number>;
}

function add(into: Counters, from: Readonly<Counters>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

/** Every calendar month from `from` to `to`, both `YYYY-MM`, both included. */
export function monthsFrom(from: string, to: string): string[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i += 1)
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/**
 * The reach table: message buckets summed per month (and per clinic, kind or channel when
 * split), then every reach figure and the failures by reason. A cell of at least one and fewer
 * than `minCellCount` messages (channel outcomes, split by channel) is withheld whole. Pure: the
 * query API and the tests both call it.
 */
export function reachTable(request: ReachRequest, buckets: readonly MessageBucket[]): ReachRow[] {
  const months = new Set(monthsFrom(request.from, request.to));
  const groups = new Map<string, { period: string; dim?: string | null; counters: Counters }>();
  const group = (period: string, dim?: string | null) => {
    const key = `${period}|${dim ?? ''}`;
    let found = groups.get(key);
    if (!found)
      groups.set(key, (found = { period, ...(dim !== undefined ? { dim } : {}), counters: {} }));
    return found;
  };
  if (!request.by) for (const month of months) group(month);

  for (const bucket of buckets) {
    if (!months.has(bucket.month)) continue;
    for (const counters of Object.values(bucket.m ?? {})) {
      if (request.by === 'channel') {
        for (const channel of MESSAGE_CHANNELS)
          if (counters[`${channel}Outcomes`])
            add(group(bucket.month, channel).counters, channelView(counters, channel));
      } else {
        const dim =
          request.by === 'clinic'
            ? (bucket.clinicId ?? null)
            : request.by === 'kind'
              ? bucket.kind
              : undefined;
        add(group(bucket.month, dim).counters, counters);
      }
    }
  }

  const field = { clinic: 'clinicId', kind: 'kind', channel: 'channel' } as const;
  const key = (dim: string | null | undefined) => (dim === null ? '' : (dim ?? ''));
  return [...groups.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || key(a.dim).localeCompare(key(b.dim)))
    .map((row): ReachRow => {
      const size = row.counters['messages'] ?? 0;
      const withheld =
        request.minCellCount !== undefined && size > 0 && size < request.minCellCount;
      const values = Object.fromEntries(
        REACH_FIGURES.map((f) => [f.name, withheld ? null : f.value(row.counters)]),
      ) as Record<ReachFigureName, number | null>;
      return {
        period: row.period,
        ...(request.by && row.dim !== undefined ? { [field[request.by]]: row.dim } : {}),
        values,
        failures: withheld ? null : failuresOf(row.counters),
        ...(withheld
          ? { suppressed: [...REACH_FIGURES.map((f) => f.name), 'failures' as const] }
          : {}),
      };
    });
}
