import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Clock, TRAINING_CLOCK } from '../clock/training-clock.module';
import { StaffStatusStore } from '../staff-training/infrastructure/staff-status.store';
import { StaffTrainingRepository } from '../staff-training/infrastructure/staff-training.repository';
import { TRAINING_SETTINGS, TrainingSettings } from '../training.settings';

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
  private running?: Promise<number>;

  constructor(
    private readonly status: StaffStatusStore,
    private readonly staff: StaffTrainingRepository,
    @Inject(TRAINING_CLOCK) private readonly clock: Clock,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.expiryCheckIntervalMs === 0) return;
    const tick = () =>
      void this.runOnce().catch((error: unknown) =>
        this.logger.warn(`expiry check failed: ${(error as Error).message}`),
      );
    this.timer = setInterval(tick, this.settings.expiryCheckIntervalMs);
    this.timer.unref();
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over the staff who are due; answers how many were checked. Never overlaps itself. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
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
