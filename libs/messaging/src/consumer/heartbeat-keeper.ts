import { isRebalanceError } from './error-classification';

/**
 * Heartbeats the group while a handler runs: kafkajs only heartbeats between batches, so a
 * slow handler or a long retry backoff would otherwise exceed the session timeout and get the
 * member evicted. kafkajs throttles the calls to its heartbeat interval.
 */
export class HeartbeatKeeper {
  private timer?: NodeJS.Timeout;
  private lost = false;

  constructor(
    private readonly heartbeat: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  start(): this {
    this.timer = setInterval(() => void this.beat(), this.intervalMs);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** True once the group rebalanced under us: the partition may belong to another member now. */
  get partitionLost(): boolean {
    return this.lost;
  }

  private async beat(): Promise<void> {
    try {
      await this.heartbeat();
    } catch (error) {
      if (isRebalanceError(error)) this.lost = true;
    }
  }
}
