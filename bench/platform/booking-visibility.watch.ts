import { PlatformApi } from '../../tests/e2e/src/scenario/platform-api';

interface MetricsPage {
  readonly total: number;
  readonly rows: readonly {
    readonly period: string;
    readonly providerId?: string;
    readonly values: { readonly scheduled?: number | null };
  }[];
}

const PAGE_SIZE = 1000;
const PAUSE_MS = 100;

export interface VisibilityLatencies {
  /** Milliseconds from sending a booking to the answer of the first poll showing it. */
  readonly ms: readonly number[];
  /**
   * Per booking, how much earlier it may have become visible: the first poll showing it
   * answered this long after the previous poll, which did not show it, started.
   */
  readonly uncertaintyMs: readonly number[];
  readonly unseen: number;
}

interface Sighting {
  readonly answeredAt: number;
  readonly previousPollStartedAt: number;
}

/**
 * When each measured booking first shows in the analyst API. One poller asks, over and over,
 * for `scheduled` per provider and day; a measured booking is alone on its provider's day, so
 * the moment its row appears is the moment analytics counts it. Each figure is an upper bound,
 * up to one poll late (its duration plus a 100 ms pause); the poller's queries add to
 * analytics' load.
 */
export class BookingVisibilityWatch {
  private readonly sentAt = new Map<string, number>();
  private readonly firstSeen = new Map<string, Sighting>();
  private previousPollStartedAt = performance.now();
  private pollDurations: number[] = [];
  private failedPolls = 0;
  private stopped = false;
  private loop?: Promise<void>;

  constructor(
    private readonly api: PlatformApi,
    private readonly analyst: string,
    private readonly days: { readonly from: string; readonly to: string },
  ) {}

  start(): void {
    this.loop = this.poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /** The booking of `row` was sent at `at` (performance.now()). */
  sent(row: string, at: number): void {
    this.sentAt.set(row, at);
  }

  latencies(rows: readonly string[]): VisibilityLatencies {
    const ms: number[] = [];
    const uncertaintyMs: number[] = [];
    for (const row of rows) {
      const [sent, seen] = [this.sentAt.get(row), this.firstSeen.get(row)];
      if (sent === undefined || seen === undefined) continue;
      ms.push(seen.answeredAt - sent);
      uncertaintyMs.push(seen.answeredAt - Math.max(sent, seen.previousPollStartedAt));
    }
    return { ms, uncertaintyMs, unseen: rows.length - ms.length };
  }

  /** Durations of the polls since the previous take, and how many failed. */
  takePolls(): { readonly ms: number[]; readonly failed: number } {
    const taken = { ms: this.pollDurations, failed: this.failedPolls };
    this.pollDurations = [];
    this.failedPolls = 0;
    return taken;
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      const started = performance.now();
      const rows = await this.scheduledRows().catch(() => undefined);
      const answeredAt = performance.now();
      if (rows === undefined) this.failedPolls += 1;
      else {
        this.pollDurations.push(answeredAt - started);
        const sighting = { answeredAt, previousPollStartedAt: this.previousPollStartedAt };
        for (const row of rows) if (!this.firstSeen.has(row)) this.firstSeen.set(row, sighting);
        // A failed poll shows nothing, so only a successful one narrows the next bracket.
        this.previousPollStartedAt = started;
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }

  /** `providerId|day` of every row counting at least one scheduled visit. */
  private async scheduledRows(): Promise<string[]> {
    const rows: string[] = [];
    for (let page = 1; ; page++) {
      const answer = await this.api.expect<MetricsPage>(
        200,
        'analytics',
        'GET',
        `/api/v1/analytics/metrics?from=${this.days.from}&to=${this.days.to}&groupBy=day&by=provider` +
          `&metrics=scheduled&pageSize=${PAGE_SIZE}&page=${page}`,
        { role: 'analyst', sub: this.analyst },
      );
      for (const row of answer.rows)
        if ((row.values.scheduled ?? 0) >= 1) rows.push(`${row.providerId}|${row.period}`);
      if (page * PAGE_SIZE >= answer.total) return rows;
    }
  }
}
