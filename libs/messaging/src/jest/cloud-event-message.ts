import { toKafkaHeaders } from '@thc/contracts';
import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';

/** A CloudEvent as the relay would publish it, for feeding consumers directly. */
export function cloudEventMessage(
  type: string,
  data: unknown,
  {
    id = randomUUID(),
    key = 'stream-1',
    partition,
  }: { id?: string; key?: string; partition?: number } = {},
): Message {
  return {
    key,
    value: JSON.stringify(data),
    ...(partition !== undefined ? { partition } : {}),
    headers: toKafkaHeaders({
      id,
      source: '/thc/test',
      type,
      subject: key,
      time: new Date().toISOString(),
    }),
  };
}
