import { PlatformService, RunningPlatform } from '@thc/testing';
import { platformLag, PlatformLag } from './platform-lag';
import { UsageMeter } from './usage-meter';

const INTERVAL_MS = 2000;

/** Reads consumer lag and memory every 2 s while a step runs; keeps the highest lag per service. */
export class StepSampler {
  private readonly maxLag = new Map<PlatformService, number>();
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly platform: RunningPlatform,
    private readonly meter: UsageMeter,
  ) {
    this.loop = this.run();
  }

  /** Stops sampling; answers the highest lag seen and the lag now. */
  async stop(): Promise<{ readonly max: PlatformLag; readonly end: PlatformLag }> {
    this.stopped = true;
    await this.loop;
    const end = await platformLag(this.platform);
    this.keep(end);
    return { max: this.maxLag, end };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.meter.sample();
      this.keep(await platformLag(this.platform));
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
  }

  private keep(lag: PlatformLag): void {
    for (const [service, messages] of lag)
      if (messages !== undefined)
        this.maxLag.set(service, Math.max(messages, this.maxLag.get(service) ?? 0));
  }
}
