import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MongoEventStore } from '@thc/event-store';
import { ConsumerStateTracker } from './consumer-state.tracker';
import { GracefulShutdown } from './graceful-shutdown';

/** Default limit of unpublished events above which an instance reports not ready. */
export const DEFAULT_READY_MAX_OUTBOX_BACKLOG = 10_000;

/**
 * Readiness of the event pipeline around the service: its consumers are running, its outbox is
 * not piling up, and it is not shutting down.
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
    const { total, notRunning } = this.consumers.snapshot();
    return notRunning === 0
      ? indicator.up({ consumers: total })
      : indicator.down({ consumers: total, notRunning });
  }

  /** Up when the outbox holds at most `READY_MAX_OUTBOX_BACKLOG` unpublished events. */
  async outboxBacklog(key = 'outbox') {
    const indicator = this.health.check(key);
    const store = this.eventStore();
    if (!store) return indicator.up({ pending: 0 });
    const max = Number(process.env['READY_MAX_OUTBOX_BACKLOG'] ?? DEFAULT_READY_MAX_OUTBOX_BACKLOG);
    const pending = await store.model.countDocuments({ pending: true }).maxTimeMS(2000).exec();
    return pending <= max ? indicator.up({ pending, max }) : indicator.down({ pending, max });
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
