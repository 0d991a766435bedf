import { Logger } from '@nestjs/common';

/**
 * Clock-driven work of one instance (reminders, expired waitlist offers): a pass every
 * `periodMs`, never two at once on this instance (a slow pass delays the next instead of
 * overlapping it), a failed pass logged and tried again next time. Passes of different
 * instances may overlap; the work itself must be safe for that.
 */
export class PeriodicRounds {
  private timer?: NodeJS.Timeout;
  private round?: Promise<number>;

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<number>,
    private readonly logger: Logger,
  ) {}

  /** Starts the rounds; a period of 0 leaves them off. */
  start(periodMs: number): void {
    if (periodMs === 0) return;
    this.timer = setInterval(() => void this.runOnce(), periodMs);
    this.timer.unref();
  }

  /** Stops the rounds and waits for the one in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One pass now (or the one already running); answers what the pass counted. */
  runOnce(): Promise<number> {
    this.round ??= this.pass()
      .catch((error: unknown) => {
        this.logger.warn(`${this.name} round failed: ${(error as Error).message}`);
        return 0;
      })
      .finally(() => (this.round = undefined));
    return this.round;
  }
}
