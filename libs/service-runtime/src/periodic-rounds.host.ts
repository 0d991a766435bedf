import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicRounds } from './periodic-rounds';

/**
 * Base for a provider that does clock-driven work in `PeriodicRounds`: the rounds start when the
 * application has booted, every `periodMs()` (0 leaves them off), and stop on shutdown once the
 * round in progress has finished; `runOnce()` runs a pass now (tests, operators).
 */
export abstract class PeriodicRoundsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private rounds?: PeriodicRounds;
  /** The name a failed round is logged under. */
  protected abstract readonly roundName: string;

  /** The period of the rounds, read once at start-up (from settings injected by the subclass). */
  protected abstract periodMs(): number;

  /** One round's work; answers what it counted. */
  protected abstract pass(): Promise<number>;

  onApplicationBootstrap(): void {
    this.scheduled().start(this.periodMs());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rounds?.stop();
  }

  /**
   * One pass now (or the one already running); answers what it counted. Rounds of one instance
   * never overlap; rounds of different instances may, and the work must be safe for that.
   */
  runOnce(): Promise<number> {
    return this.scheduled().runOnce();
  }

  // Made on first use: the subclass's fields (its name among them) are set after this class's.
  private scheduled(): PeriodicRounds {
    this.rounds ??= new PeriodicRounds(this.roundName, () => this.pass(), this.logger);
    return this.rounds;
  }
}
