import { LedgerState } from './ledger.decider';

/** A ledger day as this process last saw it: state and the stream version it reflects. */
export interface CachedDay {
  readonly state: LedgerState;
  readonly version: number;
}

/**
 * The ledger days this process last read or wrote, least recently used forgotten first. A
 * cached day may be behind the stream, never ahead of it, and is only ever a guess: the append
 * that follows carries the cached version, so a day that moved on refuses it and is reloaded.
 */
export class LedgerCache {
  private readonly days = new Map<string, CachedDay>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): CachedDay | undefined {
    const day = this.days.get(streamId);
    if (day) {
      this.days.delete(streamId);
      this.days.set(streamId, day);
    }
    return day;
  }

  set(streamId: string, day: CachedDay): void {
    const known = this.days.get(streamId);
    if (known && known.version > day.version) return;
    this.days.delete(streamId);
    this.days.set(streamId, day);
    if (this.days.size > this.capacity) this.days.delete(this.days.keys().next().value as string);
  }
}
