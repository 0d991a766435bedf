import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ensureLocalKeys } from '@thc/auth';
import { EVENT_TOPICS } from '@thc/contracts';
import { EventStoreModule } from '@thc/event-store';
import { KafkaModule } from '@thc/messaging';
import { PhiProtectionModule } from '@thc/phi-protection';
import { ClockModule, createServiceApp, IdsModule, PlatformModule } from '@thc/service-runtime';
import { Kafka, logLevel } from 'kafkajs';
import { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContactsModule } from '../../services/notifications/src/contacts/contacts.module';
import { DeliveryModule } from '../../services/notifications/src/delivery/delivery.module';
import { NotificationsSettingsModule } from '../../services/notifications/src/notifications-settings.module';
import { PlanningModule } from '../../services/notifications/src/planning/planning.module';
import { serviceIdentity } from '../../services/notifications/src/service.identity';

/**
 * The notifications service as its AppModule wires it, without the outbox relay: the relay
 * publishes after a round, apart from it, and its polling would run beside every measurement.
 */
@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    PhiProtectionModule,
    NotificationsSettingsModule,
    ClockModule.use(),
    IdsModule.use(),
    ContactsModule,
    PlanningModule,
    DeliveryModule,
  ],
})
class NotificationsWithoutRelay {}

export interface NotificationsBenchApp {
  readonly app: NestExpressApplication;
  /** The service's own database, as its connection names it. */
  readonly database: string;
  /** Closes the service, drops its databases and deletes the run's topics and key files. */
  stop(): Promise<void>;
}

/**
 * Starts the service on the run's own databases and topics (a prefix of its own), sending to
 * `smtpUrl`, with the dispatcher's poll off: the benchmark turns each round itself.
 */
export async function startNotificationsBenchApp(options: {
  readonly mongoUrl: string;
  readonly kafkaBrokers: string;
  readonly smtpUrl: string;
}): Promise<NotificationsBenchApp> {
  const id = randomBytes(4).toString('hex');
  const topicPrefix = `bench.notif${id}.`;
  const databasePrefix = `bench_notif${id}_`;
  const kafka = new Kafka({
    clientId: `bench-notifications-${id}`,
    brokers: options.kafkaBrokers.split(','),
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: EVENT_TOPICS.map((topic) => ({ topic: `${topicPrefix}${topic}`, numPartitions: 3 })),
    waitForLeaders: true,
  });
  const keysDir = join(tmpdir(), `thc-bench-notifications-${id}`);
  Object.assign(process.env, {
    MONGO_URL: options.mongoUrl,
    KAFKA_BROKERS: options.kafkaBrokers,
    MONGO_DB_PREFIX: databasePrefix,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    LOG_LEVEL: 'error',
    OTEL_TRACES_EXPORTER: 'none',
    PHI_MASTER_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    PHI_KEYS_DB: `${databasePrefix}phi_keys`,
    NOTIFICATIONS_SMTP_URL: options.smtpUrl,
    NOTIFICATIONS_DISPATCH_POLL_MS: '0',
    // The service verifies tokens even though the benchmark sends none: local keys.
    AUTH_LOCAL_JWKS: (await ensureLocalKeys(keysDir)).jwksPath,
  });
  const app = await createServiceApp(NotificationsWithoutRelay, serviceIdentity, {
    logger: ['error'],
  });
  await app.init();
  return {
    app,
    database: `${databasePrefix}thc_notifications`,
    stop: async () => {
      const connection = app.get<Connection>(getConnectionToken());
      const listed = await connection.db?.admin().listDatabases({ nameOnly: true });
      for (const { name } of listed?.databases ?? [])
        if (name.startsWith(databasePrefix))
          await connection.useDb(name, { useCache: false }).dropDatabase();
      await app.close();
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
      await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect();
      await rm(keysDir, { recursive: true, force: true });
    },
  };
}
