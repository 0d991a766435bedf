import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { StaffStatusProjection } from '../staff-training/infrastructure/staff-status.projection';
import { StaffTrainingRepository } from '../staff-training/infrastructure/staff-training.repository';
import { TRAINING_SETTINGS, TrainingSettings } from '../training.settings';
import { Clock, CLOCK } from '@thc/service-runtime';

const BATCH = 200;

/**
 * The clock-driven check: every instance, on start and then every interval, runs CheckExpiries
 * on the staff whose next check is due. Safe to run anywhere, any number of times: each
 * command is appended at the stream version it was decided on, and clock-driven facts carry
 * ids derived from the fact, so a fact decided twice is stored once.
 */
@Injectable()
export class ExpiryCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiryCheck.name);
  private timer?: NodeJS.Timeout;
  /** The last pass requested; passes run one after another, never side by side. */
  private last: Promise<number> = Promise.resolve(0);
  private pending = 0;

  constructor(
    private readonly status: StaffStatusProjection,
    private readonly staff: StaffTrainingRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.expiryCheckIntervalMs === 0) return;
    // A tick while a pass is still going is skipped, so slow passes do not pile up.
    const tick = () => {
      if (this.pending > 0) return;
      void this.runOnce().catch((error: unknown) =>
        this.logger.warn(`expiry check failed: ${(error as Error).message}`),
      );
    };
    this.timer = setInterval(tick, this.settings.expiryCheckIntervalMs);
    this.timer.unref();
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.last.catch(() => undefined);
  }

  /**
   * A pass over the staff who are due, starting after any pass already running (so it reads
   * the clock and the records as they are now); answers how many staff it checked.
   */
  runOnce(): Promise<number> {
    this.pending++;
    const next = this.last
      .catch(() => 0)
      .then(() => this.pass())
      .finally(() => this.pending--);
    this.last = next;
    return next;
  }

  private async pass(): Promise<number> {
    const now = this.clock();
    const due = await this.status.due(now, BATCH);
    for (const staffId of due) {
      await this.staff
        .handle(staffId, {
          type: 'CheckExpiries',
          warningLeadDays: this.settings.warningLeadDays,
          at: now.toISOString(),
        })
        .catch((error: unknown) =>
          this.logger.warn(`expiry check of ${staffId} failed: ${(error as Error).message}`),
        );
    }
    return due.length;
  }
}
