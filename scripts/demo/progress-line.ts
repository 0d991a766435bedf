/**
 * One progress line for a long job whose amount of work is known in advance: how far it is, the
 * rate so far and the time left, estimated from the planned total and the measured rate and
 * refined as it goes. On a terminal the line is redrawn in place (carriage return + clear line);
 * elsewhere (a file, CI) a plain line is written every ~10 s, so logs stay short.
 *
 *   const progress = new ProgressLine({ prefix: '[seed:demo] ', unit: 'requests' });
 *   progress.start(4_600, 'demo data');
 *   progress.tick();          // as work finishes
 *   progress.log('...');      // a message above the line, never mixed into it
 *   progress.done();          // the line becomes a one-line summary
 */
export interface ProgressLineOptions {
  /** Where the line goes; default process.stdout. */
  readonly stream?: NodeJS.WriteStream;
  /** Written before every line, the line's own and log()'s. */
  readonly prefix?: string;
  /** What the total counts, for the reader ("requests", "events"). */
  readonly unit?: string;
  /** Redraw in place; default: whether the stream is a terminal. */
  readonly tty?: boolean;
  /** Between plain lines when not redrawing in place. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/** What the line shows; exported for callers that report it elsewhere. */
export interface ProgressEstimate {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** Units per second over the last minute (the whole run until a minute has passed). */
  readonly rate?: number;
  readonly remainingMs?: number;
}

const CLEAR = '\r\x1b[2K';
// The rate is measured over a sliding window, so the estimate follows the job when it changes
// pace (one part of a job is often slower than another), and only after a few seconds, because
// the first requests of a run include connection setup and say little about the rest.
const WINDOW_MS = 60_000;
const FIRST_ESTIMATE_AFTER_MS = 8_000;
const REDRAW_MS = 1_000;

export class ProgressLine {
  private readonly stream: NodeJS.WriteStream;
  private readonly prefix: string;
  private readonly unit: string;
  private readonly tty: boolean;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private label = '';
  private total = 0;
  private count = 0;
  private startedAt = 0;
  private samples: { at: number; done: number }[] = [];
  private timer?: NodeJS.Timeout;
  private shown = false;
  private announced = false;
  private lastDrawAt = 0;

  constructor(options: ProgressLineOptions = {}) {
    this.stream = options.stream ?? process.stdout;
    this.prefix = options.prefix ?? '';
    this.unit = options.unit ?? 'steps';
    this.tty = options.tty ?? Boolean(this.stream.isTTY);
    this.intervalMs = options.intervalMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  start(total: number, label: string): void {
    this.stopTimer();
    this.label = label;
    this.total = Math.max(0, total);
    this.count = 0;
    this.startedAt = this.now();
    this.samples = [{ at: this.startedAt, done: 0 }];
    this.announced = false;
    this.lastDrawAt = 0;
    // Time passes while no tick arrives (a slow request): the elapsed time and estimate move on.
    this.timer = setInterval(() => this.onTimer(), this.tty ? REDRAW_MS : this.intervalMs);
    this.timer.unref();
    if (this.tty) this.draw();
  }

  tick(n = 1): void {
    if (!this.timer) return;
    this.count = Math.min(this.total, this.count + n);
    if (this.tty && this.now() - this.lastDrawAt >= 200) this.draw();
  }

  /** A message on its own line above the progress line. */
  log(line: string): void {
    const text = `${this.prefix}${line}\n`;
    if (this.tty && this.shown) {
      this.stream.write(`${CLEAR}${text}`);
      this.draw();
    } else this.stream.write(text);
  }

  /** Ends the line with a summary of what was done and how fast. */
  done(): void {
    if (!this.timer) return;
    this.stopTimer();
    const elapsed = this.now() - this.startedAt;
    const rate = elapsed > 0 ? (this.count / elapsed) * 1000 : 0;
    const summary = `${this.label}: ${fmt(this.count)} of ${fmt(this.total)} ${this.unit} in ${duration(elapsed)} (${rate.toFixed(1)}/s)`;
    this.clear();
    this.stream.write(`${this.prefix}${summary}\n`);
  }

  /** Removes the line (before writing something else, e.g. an error), keeping the count. */
  clear(): void {
    if (this.tty && this.shown) this.stream.write(CLEAR);
    this.shown = false;
  }

  estimate(): ProgressEstimate {
    const at = this.now();
    const elapsedMs = at - this.startedAt;
    if (elapsedMs < FIRST_ESTIMATE_AFTER_MS || this.count === 0)
      return { done: this.count, total: this.total, elapsedMs };
    const from = this.samples.find((s) => s.at >= at - WINDOW_MS) ?? this.samples[0];
    const span = at - from.at;
    const rate = span > 0 ? ((this.count - from.done) / span) * 1000 : 0;
    const remaining = this.total - this.count;
    return {
      done: this.count,
      total: this.total,
      elapsedMs,
      rate,
      ...(rate > 0 ? { remainingMs: (remaining / rate) * 1000 } : {}),
    };
  }

  private onTimer(): void {
    const at = this.now();
    this.samples.push({ at, done: this.count });
    while (this.samples.length > 2 && this.samples[1].at < at - WINDOW_MS) this.samples.shift();
    const estimate = this.estimate();
    if (!this.announced && estimate.remainingMs !== undefined) {
      this.announced = true;
      this.log(
        `${this.label}: ${fmt(this.total)} ${this.unit} planned; at ${estimate.rate?.toFixed(1)}/s so far that is ${about(estimate.remainingMs)} more (refined as it goes)`,
      );
      // Without a terminal the announcement already says what the line would.
      if (!this.tty) return;
    }
    if (this.tty) this.draw();
    else this.stream.write(`${this.prefix}${this.text(estimate, 0)}\n`);
  }

  private draw(): void {
    this.lastDrawAt = this.now();
    // A line wider than the terminal wraps, and a carriage return then redraws only its last
    // part: the bar gives way first, then the end of the line is cut.
    const columns = (this.stream.columns || 100) - 1;
    const estimate = this.estimate();
    const plain = `${this.prefix}${this.text(estimate, 0)}`;
    const bar = Math.min(20, columns - plain.length - 1);
    const line = bar >= 5 ? `${this.prefix}${this.text(estimate, bar)}` : plain;
    this.stream.write(`${CLEAR}${line.slice(0, columns)}`);
    this.shown = true;
  }

  private text(e: ProgressEstimate, bar: number): string {
    const fraction = e.total > 0 ? e.done / e.total : 1;
    const filled = Math.round(fraction * bar);
    const parts = [
      bar > 0 ? `${this.label} ${'█'.repeat(filled)}${'░'.repeat(bar - filled)}` : `${this.label}:`,
      // Padded on a terminal, so the redrawn line does not shift as the figure grows.
      `${String(Math.floor(fraction * 100)).padStart(bar > 0 ? 3 : 0)}%`,
      `${fmt(e.done)}/${fmt(e.total)} ${this.unit}`,
      duration(e.elapsedMs),
      e.rate === undefined
        ? 'measuring the rate'
        : e.remainingMs === undefined
          ? 'waiting for answers'
          : `${e.rate.toFixed(1)}/s, ${about(e.remainingMs)} left`,
    ];
    return parts.join('  ');
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** 75 s -> "1m15s". */
function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** A time left, as coarse as the estimate is: "about 40 s", "about 7 min". */
function about(ms: number): string {
  const s = ms / 1000;
  if (s < 90) return `about ${Math.max(5, Math.round(s / 5) * 5)} s`;
  return `about ${Math.round(s / 60)} min`;
}
