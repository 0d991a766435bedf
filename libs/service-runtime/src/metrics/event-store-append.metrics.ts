import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { sharedHistogram } from '@thc/observability';
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent } from 'mongodb';
import { Connection } from 'mongoose';

// The event store's collection (EVENT_STORE_DEFAULTS.collection).
const EVENTS_COLLECTION = 'events';

const appendDuration = sharedHistogram({
  name: 'thc_event_store_append_duration_seconds',
  help: 'Duration of the insert that writes an append to the event store, by outcome (ok, conflict, error).',
  labelNames: ['outcome'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

/**
 * Event-store append latency, measured from the MongoDB driver's command monitoring: every
 * append is one ordered `insert` into `events`, so its round trip is the append's write. A
 * duplicate-key failure is a version conflict (`conflict`), other failures `error`.
 */
@Injectable()
export class EventStoreAppendMetrics implements OnModuleInit {
  private readonly started = new Map<number, number>();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  onModuleInit(): void {
    const client = this.connection.getClient();
    client.on('commandStarted', (event: CommandStartedEvent) => {
      if (event.commandName !== 'insert') return;
      if ((event.command as { insert?: unknown }).insert !== EVENTS_COLLECTION) return;
      this.started.set(event.requestId, performance.now());
    });
    client.on('commandSucceeded', (event: CommandSucceededEvent) => {
      const failed = ((event.reply as { writeErrors?: { code?: number }[] }).writeErrors ?? [])[0];
      this.finish(event.requestId, failed ? (failed.code === 11000 ? 'conflict' : 'error') : 'ok');
    });
    client.on('commandFailed', (event: CommandFailedEvent) =>
      this.finish(event.requestId, 'error'),
    );
  }

  private finish(requestId: number, outcome: 'ok' | 'conflict' | 'error'): void {
    const at = this.started.get(requestId);
    if (at === undefined) return;
    this.started.delete(requestId);
    appendDuration.observe({ outcome }, (performance.now() - at) / 1000);
  }
}
