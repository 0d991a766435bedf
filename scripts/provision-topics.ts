// Creates every contract topic that does not exist yet (idempotent). Production clusters
// provision topics declaratively (k8s/ KafkaTopic resources); this is for local runs.
import { EVENT_TOPICS } from '@thc/contracts';
import { kafkaClientConfigFromEnv } from '@thc/messaging';
import { Kafka, logLevel } from 'kafkajs';

async function main(): Promise<void> {
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  const partitions = Number(process.env['KAFKA_TOPIC_PARTITIONS'] ?? 3);
  const admin = new Kafka({
    ...kafkaClientConfigFromEnv(undefined, 'provision'),
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = EVENT_TOPICS.map((topic) => `${prefix}${topic}`).filter(
      (topic) => !existing.has(topic),
    );
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: partitions,
          replicationFactor: 1,
        })),
      });
    }
    console.log(
      missing.length > 0 ? `created topics: ${missing.join(', ')}` : 'topics already exist',
    );
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`topic provisioning failed: ${(error as Error).message}`);
  process.exit(1);
});
