import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { kafkaClientConfigFromEnv } from '@thc/messaging';
import { withTimeout } from './bounded-check';

const PROBE_TIMEOUT_MS = 2500;

/** Readiness of the Kafka cluster: a metadata round trip with a hard timeout. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private admin?: Admin;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly config: ConfigService,
  ) {}

  async isHealthy(key = 'kafka') {
    const indicator = this.health.check(key);
    try {
      const cluster = await withTimeout(this.probe(), PROBE_TIMEOUT_MS);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      await this.reset();
      return indicator.down({ message: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }

  private async probe() {
    if (!this.admin) {
      const kafka = new Kafka({
        ...kafkaClientConfigFromEnv((k) => this.config.get<string>(k), 'health'),
        connectionTimeout: 1500,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      });
      this.admin = kafka.admin();
      await this.admin.connect();
    }
    return this.admin.describeCluster();
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
