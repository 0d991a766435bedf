import type { EventMetadata } from '@thc/event-store';

/** The services whose event stores the history fills (analytics stores no events). */
export const HISTORY_CONTEXTS = ['scheduling', 'sessions', 'training', 'compliance-audit'] as const;
export type HistoryContext = (typeof HISTORY_CONTEXTS)[number];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface PlannedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** One append as its service would have made it: one command's events, at the command's time. */
export interface PlannedAppend {
  readonly context: HistoryContext;
  readonly streamId: string;
  readonly at: number;
  readonly events: readonly PlannedEvent[];
  /** Order of planning: appends of the same instant keep it. */
  readonly seq: number;
}

/** The UTC day (days since the epoch) of an instant. */
export const dayOf = (at: number): number => Math.floor(at / DAY_MS);

/**
 * Appends planned ahead of their time, by UTC day. Stories are planned when they begin (a
 * booking plans its visit weeks ahead), and the store receives each day's appends in time order.
 */
export class HistoryAgenda {
  private readonly days = new Map<number, PlannedAppend[]>();
  private seq = 0;
  private taken = -Infinity;
  /** Events planned so far, written or not. */
  planned = 0;

  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  add(
    context: HistoryContext,
    streamId: string,
    at: number,
    events: readonly PlannedEvent[],
  ): void {
    if (at < this.start || at >= this.end)
      throw new RangeError(`${streamId}: ${new Date(at).toISOString()} is outside the history`);
    const day = dayOf(at);
    if (day <= this.taken)
      throw new RangeError(
        `${streamId}: ${new Date(at).toISOString()} is on a day already written`,
      );
    const appends = this.days.get(day) ?? [];
    appends.push({ context, streamId, at, events, seq: this.seq++ });
    this.days.set(day, appends);
    this.planned += events.length;
  }

  /** The day's appends in time order, removed from the agenda. */
  take(day: number): PlannedAppend[] {
    const appends = this.days.get(day) ?? [];
    this.days.delete(day);
    this.taken = Math.max(this.taken, day);
    return appends.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }
}

/**
 * What happens within one story (a visit, a staff member's training), in time order: actions
 * schedule later ones, and nothing at or after the end of the history happens.
 */
export class Timeline {
  private readonly queue: { at: number; seq: number; run: () => void }[] = [];
  private seq = 0;
  now = 0;

  constructor(private readonly end: number) {}

  at(at: number, run: () => void): void {
    if (at >= this.end) return;
    const entry = { at, seq: this.seq++, run };
    // Kept sorted; stories are short, so a binary insertion is all the queue needs.
    let low = 0;
    let high = this.queue.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.queue[mid];
      if (other.at < at || (other.at === at && other.seq < entry.seq)) low = mid + 1;
      else high = mid;
    }
    this.queue.splice(low, 0, entry);
  }

  run(): void {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      this.now = next.at;
      next.run();
    }
  }
}
