import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MongoEventStore } from '@thc/event-store';
import { withTimeout } from './bounded-check';
import { ConsumerStateTracker } from './consumer-state.tracker';
import { GracefulShutdown } from './graceful-shutdown';

/** Default time without progress of the outbox above which an instance reports not ready. */
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
  /** The head of the outbox this process last saw, and since when it has seen it unchanged. */
  private head?: { readonly oldest: number; readonly since: number };

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
   * Up unless the next events the relay publishes (the first `OUTBOX_CHECK_EVENTS` pending, in
   * the relay's order) have stayed the same for more than `READY_MAX_OUTBOX_AGE_MS`: a relay
   * that stopped publishing leaves them in place, a working one moves them on within seconds.
   * Progress rather than age: after a restart or an import, a backlog of events recorded long
   * ago is being published, and an instance that reported not ready for it would be taken out
   * of service for nothing. Reads at most that many documents, through the relay's own index,
   * never a count of the backlog (which reads every pending event).
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
    if (!head.oldestRecordedAt) {
      this.head = undefined;
      return indicator.up({ pending: 0 });
    }
    const now = Date.now();
    const oldest = head.oldestRecordedAt.getTime();
    if (this.head?.oldest !== oldest) this.head = { oldest, since: now };
    // An event recorded a moment ago cannot have been stuck for longer than its age.
    const stuckMs = Math.max(0, Math.min(now - this.head.since, now - oldest));
    const report = {
      // Counted up to OUTBOX_CHECK_EVENTS: the backlog's size is the metrics' business.
      pending: head.count,
      oldestPendingSeconds: Math.round(Math.max(0, now - oldest) / 1000),
      unchangedSeconds: Math.round(stuckMs / 1000),
      maxSeconds: Math.round(maxMs / 1000),
    };
    if (stuckMs <= maxMs) return indicator.up(report);
    return indicator.down({
      ...report,
      message: `next event to publish unchanged for ${report.unchangedSeconds} s, limit ${report.maxSeconds} s`,
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
