import { countFigure, ratioFigure } from './figure';
import type { Counters } from './visit-contribution';

/** A figure of the reach table: what it means, in words, and how it is computed. */
export interface ReachFigure {
  readonly name: string;
  readonly title: string;
  readonly unit: 'count' | 'ratio';
  /** The written definition, published in docs/metrics.md. */
  readonly definition: string;
  readonly value: (counters: Readonly<Counters>) => number | null;
}

const PER_MESSAGE =
  'Counted once per message (one person, one trigger) whatever the channels it went out on; in a row split by channel, once per outcome on that channel.';

/**
 * How well messages reach the people they are for, from the notifications topic
 * (NotificationSent, NotificationFailed, NotificationBounced). A message counts in the calendar
 * month (UTC) of its first outcome, under its kind, and under the clinic of the visit it is about
 * when analytics knows that visit.
 */
export const REACH_FIGURES = [
  countFigure(
    'messages',
    'Messages with an outcome',
    `Messages that were sent, failed or bounced on at least one channel. ${PER_MESSAGE}`,
  ),
  countFigure(
    'reached',
    'Messages that reached the person',
    'Messages sent (NotificationSent) on at least one channel whose address did not refuse them afterwards (no NotificationBounced on that channel).',
  ),
  ratioFigure(
    'reachRate',
    'Reach rate',
    'Messages that reached the person / messages with an outcome. By channel: outcomes on the channel that reached the person / outcomes on the channel.',
    'reached',
    'messages',
  ),
  countFigure(
    'bounced',
    'Messages refused by an address',
    'Messages that an address refused for good (NotificationBounced) on at least one channel, whether or not the server had taken them first.',
  ),
  countFigure(
    'failed',
    'Messages not sent on a channel',
    'Messages with at least one NotificationFailed (not sent, with a reason). Their reasons are counted in `failures`, once per failed channel (a failure that named no channel counts once).',
  ),
] as const satisfies readonly ReachFigure[];

export type ReachFigureName = (typeof REACH_FIGURES)[number]['name'];
