import { Kafka, logLevel } from 'kafkajs';

/** Messages no producer of the platform would write: each must end in a dead-letter topic. */
export const POISON = [
  {
    key: 'poison-1',
    value: '{not json',
    headers: { ce_type: 'thc.scheduling.AppointmentBooked.v1' },
  },
  {
    key: 'poison-2',
    value: JSON.stringify({ appointmentId: 'not-a-uuid', patientId: 42 }),
    headers: {
      ce_specversion: '1.0',
      ce_id: '00000000-0000-4000-8000-000000000000',
      ce_source: '/thc/scheduling',
      ce_type: 'thc.scheduling.AppointmentBooked.v1',
      ce_subject: 'poison-2',
      ce_time: new Date().toISOString(),
      'content-type': 'application/json',
    },
  },
  { key: 'poison-3', value: JSON.stringify({ hello: 'world' }), headers: {} },
] as const;

export async function injectPoison(brokers: string, topic: string): Promise<void> {
  const kafka = new Kafka({
    brokers: brokers.split(','),
    clientId: 'fault-injector',
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: POISON.map((m) => ({ ...m, headers: { ...m.headers } })),
  });
  await producer.disconnect();
}

/** Messages in every dead-letter topic of `topic` (one per consumer group), by DLQ topic. */
export async function deadLetterCounts(
  brokers: string,
  topic: string,
): Promise<Map<string, number>> {
  const kafka = new Kafka({
    brokers: brokers.split(','),
    clientId: 'dlq-reader',
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const counts = new Map<string, number>();
    for (const name of (await admin.listTopics()).filter((t) => t.startsWith(`${topic}.dlq.`))) {
      const offsets = await admin.fetchTopicOffsets(name);
      counts.set(
        name,
        offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0),
      );
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}
