import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MongoEventStore } from '@thc/event-store';
import { withTimeout } from './bounded-check';
import { ConsumerStateTracker } from './consumer-state.tracker';
import { GracefulShutdown } from './graceful-shutdown';

/** Default wait of the next events to publish above which an instance reports not ready. */
export const DEFAULT_READY_MAX_OUTBOX_AGE_MS = 300_000;
/** Pending events the outbox check reads: its whole cost, whatever the size of the store. */
export const OUTBOX_CHECK_EVENTS = 100;
const OUTBOX_CHECK_TIMEOUT_MS = 2000;

/**
 * Readiness of the event pipeline around the service: its consumers are running, its outbox is
 * being published, and it is not shutting down. Each check is in memory or reads a fixed number
 * of documents.
 */
@Injectable()
export class PipelineHealthIndicator {
  private store?: MongoEventStore | null;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly consumers: ConsumerStateTracker,
    private readonly shutdown: GracefulShutdown,
    private readonly modules: ModuleRef,
  ) {}

  /** Down while the instance drains for shutdown, so the load balancer stops sending requests. */
  accepting(key = 'shutdown') {
    const indicator = this.health.check(key);
    return this.shutdown.draining ? indicator.down({ message: 'draining' }) : indicator.up();
  }

  /** Up when every consumer of this process has joined its group and none has crashed or stopped. */
  consumersRunning(key = 'consumers') {
    const indicator = this.health.check(key);
    const { total, notRunning, groupsNotRunning } = this.consumers.snapshot();
    if (notRunning === 0) return indicator.up({ consumers: total });
    return indicator.down({
      consumers: total,
      notRunning,
      message: `${notRunning} of ${total} consumers not in their group (${groupsNotRunning.join(', ')})`,
    });
  }

  /**
   * Up while the next events the relay publishes (the first `OUTBOX_CHECK_EVENTS` pending, in
   * the relay's order) have waited at most `READY_MAX_OUTBOX_AGE_MS`: a relay that stopped
   * publishing, or one far behind, makes them older; a working one keeps them seconds old.
   * Reads at most that many documents, through the relay's own index, never a count of the
   * backlog (a count reads every pending event, and on a server that cannot use the index,
   * every stored event).
   */
  async outboxAge(key = 'outbox') {
    const indicator = this.health.check(key);
    const store = this.eventStore();
    if (!store) return indicator.up({ pending: 0 });
    const maxMs = Number(process.env['READY_MAX_OUTBOX_AGE_MS'] ?? DEFAULT_READY_MAX_OUTBOX_AGE_MS);
    const head = await withTimeout(
      store.outboxHead(OUTBOX_CHECK_EVENTS, OUTBOX_CHECK_TIMEOUT_MS),
      OUTBOX_CHECK_TIMEOUT_MS,
    );
    if (!head.oldestRecordedAt) return indicator.up({ pending: 0 });
    const waitedMs = Math.max(0, Date.now() - head.oldestRecordedAt.getTime());
    const report = {
      // Counted up to OUTBOX_CHECK_EVENTS: the backlog's size is the metrics' business.
      pending: head.count,
      oldestPendingSeconds: Math.round(waitedMs / 1000),
      maxSeconds: Math.round(maxMs / 1000),
    };
    if (waitedMs <= maxMs) return indicator.up(report);
    return indicator.down({
      ...report,
      message: `next event to publish has waited ${report.oldestPendingSeconds} s, limit ${report.maxSeconds} s`,
    });
  }

  private eventStore(): MongoEventStore | undefined {
    if (this.store === undefined) {
      try {
        this.store = this.modules.get(MongoEventStore, { strict: false });
      } catch {
        this.store = null; // a service without an event store has no outbox
      }
    }
    return this.store ?? undefined;
  }
}
