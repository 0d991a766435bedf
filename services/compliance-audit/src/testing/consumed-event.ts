import { eventDefinition } from '@thc/contracts';
import { ConsumedEvent } from '@thc/messaging';
import { randomUUID } from 'node:crypto';

let offset = 0;

/**
 * An event as the consumer hands it to intake, from its contract's example with `data` laid
 * over it: for specs that feed intake directly rather than through Kafka.
 */
export function consumed(type: string, data: Record<string, unknown>): ConsumedEvent {
  const definition = eventDefinition(type);
  if (!definition) throw new Error(`no contract for ${type}`);
  return {
    id: randomUUID(),
    source: definition.source,
    type,
    subject: `${definition.streamDefinition.prefix}-x`,
    time: new Date().toISOString(),
    data: { ...(definition.example as object), ...data },
    topic: definition.topic,
    partition: 0,
    offset: String(offset++),
  };
}
