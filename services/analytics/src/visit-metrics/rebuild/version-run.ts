import { Logger } from '@nestjs/common';
import { validateEvent } from '@thc/contracts';
import { ConsumedEvent, EventConsumer, TopicNames } from '@thc/messaging';
import { recordProjected } from '@thc/observability';
import type { Clock } from '@thc/service-runtime';
import { Admin, Kafka } from 'kafkajs';
import type { mongo } from 'mongoose';
import { VisitMetricsCollections } from '../infrastructure/visit-metrics.collections';
import {
  VISIT_METRICS_BATCH,
  VisitMetricsProjection,
} from '../infrastructure/visit-metrics.projection';
import { caughtUp, PartitionTargets, rebuildProgress, RebuildProgress } from './rebuild-progress';

/** What every version's run is given: the broker, topic names, the projected topics, the clock. */
export interface VersionRunContext {
  readonly kafka: Kafka;
  readonly names: TopicNames;
  readonly topics: readonly string[];
  readonly clock: Clock;
}

/** One version of the projection fed by its own consumer group from the start of the topics. */
export class VersionRun {
  readonly store: VisitMetricsCollections;
  private readonly consumer: EventConsumer;
  private readonly admin: Admin;
  private readonly groupId: string;
  private targets: PartitionTargets = {};
  private handled = new Map<string, number>();
  private startedAt: Date;

  constructor(
    db: mongo.Db,
    readonly version: string,
    public state: RebuildProgress['state'],
    private readonly context: VersionRunContext,
  ) {
    const { kafka, names, topics } = context;
    this.startedAt = context.clock();
    this.store = new VisitMetricsCollections(db, version);
    const projection = new VisitMetricsProjection(this.store);
    this.groupId = names.group(`thc.analytics.visit-metrics.${version}`);
    this.admin = kafka.admin();
    this.consumer = new EventConsumer(kafka, {
      groupId: this.groupId,
      topics: topics.map((t) => names.resolve(t)),
      fromBeginning: true,
      validate: (event) => validateEvent(event.type, event.data),
      maxBatchSize: VISIT_METRICS_BATCH,
      handleBatch: async (events: readonly ConsumedEvent[]) => {
        await projection.apply(events);
        recordProjected(
          `visit-metrics`,
          events.map((e) => e.time),
        );
      },
    });
  }

  /** Notes the end of every partition now (what "caught up" means), then starts consuming. */
  async start(): Promise<void> {
    await this.admin.connect();
    const targets: Record<string, { low: number; high: number }> = {};
    for (const topic of this.context.topics.map((t) => this.context.names.resolve(t))) {
      for (const p of await this.admin.fetchTopicOffsets(topic))
        targets[`${topic}:${p.partition}`] = { low: Number(p.low), high: Number(p.high) };
    }
    this.targets = targets;
    this.startedAt = this.context.clock();
    await this.store.ensureIndexes();
    await this.consumer.start();
  }

  /** Reads the group's committed offsets: what is stored, dead letters included. */
  async refresh(): Promise<RebuildProgress> {
    const committed = await this.admin.fetchOffsets({
      groupId: this.groupId,
      topics: this.context.topics.map((t) => this.context.names.resolve(t)),
    });
    const handled = new Map<string, number>();
    for (const { topic, partitions } of committed)
      for (const p of partitions)
        if (Number(p.offset) >= 0) handled.set(`${topic}:${p.partition}`, Number(p.offset));
    this.handled = handled;
    return this.progress();
  }

  progress(now = this.context.clock()): RebuildProgress {
    return rebuildProgress(
      this.version,
      this.targets,
      this.handled,
      this.startedAt,
      now,
      this.state,
    );
  }

  caughtUp(): boolean {
    return caughtUp(this.targets, this.handled);
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.admin
      .disconnect()
      .catch((error: unknown) => new Logger(VersionRun.name).warn(String(error)));
  }
}
