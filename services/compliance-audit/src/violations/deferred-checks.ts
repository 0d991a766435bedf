import { Logger } from '@nestjs/common';
import { mongo } from 'mongoose';

export type Pending<T> = T & { _id: string; dueAt: string };

/**
 * Facts to judge a little after they are recorded. Events of different topics arrive in any
 * order (a credential lapse on thc.training.v1, the visit it concerns on thc.sessions.v1), so
 * rules that join them wait `delayMs` before judging. Queued by event id (a redelivery queues
 * nothing new) and removed only after their findings are recorded: a crash in between judges
 * again, and a finding has a deterministic id, so nothing is reported twice.
 */
export class DeferredChecks<T extends object> {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly pending: mongo.Collection<Pending<T>>,
    private readonly judge: (fact: T, now: string) => Promise<void>,
    private readonly delayMs: number,
    private readonly clock: () => Date,
    name: string,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    const every = Math.max(200, Math.min(5000, this.delayMs));
    this.timer = setInterval(
      () => void this.sweep().catch((e: Error) => this.logger.warn(`sweep failed: ${e.message}`)),
      every,
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async enqueue(facts: readonly (T & { eventId: string })[]): Promise<void> {
    if (facts.length === 0) return;
    const dueAt = new Date(this.clock().getTime() + this.delayMs).toISOString();
    const documents = facts.map(
      (fact) =>
        ({ ...fact, _id: fact.eventId, dueAt }) as unknown as mongo.OptionalUnlessRequiredId<
          Pending<T>
        >,
    );
    await this.pending.insertMany(documents, { ordered: false }).catch((error: unknown) => {
      // Already queued (a redelivery): the other facts of the batch went in regardless.
      if (!(error instanceof mongo.MongoBulkWriteError) || error.code !== 11000) throw error;
    });
  }

  /** Judges what is due; one sweep at a time per instance. Returns how many were judged. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepNow().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepNow(): Promise<number> {
    const now = this.clock().toISOString();
    const due = await this.pending
      .find({ dueAt: { $lte: now } } as mongo.Filter<Pending<T>>)
      .limit(500)
      .toArray();
    for (const document of due) {
      const { _id, dueAt: _, ...fact } = document as Pending<T>;
      await this.judge(fact as unknown as T, now);
      await this.pending.deleteOne({ _id } as mongo.Filter<Pending<T>>);
    }
    return due.length;
  }
}
