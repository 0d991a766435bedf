import { Kafka, logLevel } from 'kafkajs';

/**
 * Deletes the run's topics and consumer groups (everything named with its prefix: the contract
 * topics, dead-letter topics, the services' groups), which TestNamespace does not know of
 * because the services created them.
 */
export async function deletePrefixedTopicsAndGroups(
  brokers: string,
  prefix: string,
): Promise<void> {
  const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const ours = groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix));
    if (ours.length > 0) await admin.deleteGroups(ours).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
