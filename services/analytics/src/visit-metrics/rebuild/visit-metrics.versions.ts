import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { KAFKA, TopicNames } from '@thc/messaging';
import { CLOCK, Clock } from '@thc/service-runtime';
import { Kafka } from 'kafkajs';
import { Connection } from 'mongoose';
import { ServingCollections } from '../infrastructure/serving-collections';
import { VisitMetricsCollections } from '../infrastructure/visit-metrics.collections';
import { PROJECTED_TOPICS } from './projected-topics';
import { activeVersion, pointers, switchVersion, VISIT_METRICS } from './projection-pointer';
import { RebuildProgress } from './rebuild-progress';
import { VersionRun } from './version-run';

/** The definition hash this build of the service projects with (see visit-metrics.definition). */
export const VISIT_METRICS_VERSION = Symbol('VISIT_METRICS_VERSION');

/** How often progress is logged and a finished rebuild switched over. */
const CHECK_EVERY_MS = Number(process.env['ANALYTICS_REBUILD_CHECK_MS'] ?? 2000);

/**
 * Runs the serving version of the visit-metrics projection and, when this build's definition
 * differs from it, a rebuild into a new version beside it. The old version keeps answering
 * (and keeps consuming) until the new one has caught up with the topics as they were when it
 * started; then the pointer switches in one write and the old version's consumer stops.
 */
@Injectable()
export class VisitMetricsVersions
  implements ServingCollections, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(VisitMetricsVersions.name);
  private serving?: VersionRun;
  private building?: VersionRun;
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly names: TopicNames,
    @Inject(VISIT_METRICS_VERSION) private readonly desired: string,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private get db() {
    const db = this.connection.db;
    if (!db) throw new Error('MongoDB connection not open');
    return db;
  }

  async onApplicationBootstrap(): Promise<void> {
    const active = await activeVersion(this.db, this.desired);
    this.serving = this.run(active, 'serving');
    await this.serving.start();
    if (active !== this.desired) {
      this.building = this.run(this.desired, 'building');
      await this.building.start();
      this.logger.log(
        `definition changed: rebuilding visit-metrics ${this.desired} beside ${active}`,
      );
    }
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([this.serving?.stop(), this.building?.stop()]);
  }

  /** Collections of the version the pointer names now (read per query: all instances agree). */
  async activeCollections(): Promise<VisitMetricsCollections> {
    const pointer = await pointers(this.db).findOne({ _id: VISIT_METRICS });
    return new VisitMetricsCollections(this.db, pointer?.active ?? this.desired);
  }

  /** Progress of each version this instance runs: the serving one and a rebuild, if any. */
  progress(): RebuildProgress[] {
    return [this.serving, this.building].filter((r) => r !== undefined).map((r) => r.progress());
  }

  private run(version: string, state: RebuildProgress['state']): VersionRun {
    return new VersionRun(this.db, version, state, {
      kafka: this.kafka,
      names: this.names,
      topics: PROJECTED_TOPICS,
      clock: this.clock,
    });
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.serving?.refresh();
      const building = this.building;
      if (!building) return;
      const progress = await building.refresh();
      this.logger.log(
        `rebuild visit-metrics ${progress.version}: ${progress.processed}/${progress.total} events, ${progress.eventsPerSecond}/s, ETA ${progress.etaSeconds ?? '?'} s`,
      );
      if (building.caughtUp()) await this.switchOver(building);
    } catch (error) {
      this.logger.warn(`projection check failed: ${(error as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  private async switchOver(building: VersionRun): Promise<void> {
    const old = this.serving;
    if (!old) return;
    if (await switchVersion(this.db, old.version, building.version, this.clock()))
      this.logger.log(`visit-metrics now served by ${building.version} (was ${old.version})`);
    building.state = 'serving';
    this.serving = building;
    this.building = undefined;
    await old.stop();
  }
}
