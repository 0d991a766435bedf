import { allEventDefinitions, CONTEXT_REGISTRIES, type RegisteredEvent } from './event-registry';
import type { ContextName } from './topics';

/** One topic as it is published: who writes it and which event types travel on it. */
export interface EventChannel {
  /** `compliance` for a context's topic, `compliance-phi-access` for a topic of its own. */
  readonly id: string;
  readonly context: ContextName;
  readonly topic: string;
  /** What the topic holds, without who writes it. */
  readonly description: string;
  /** The services that write it: the context's producer, or every source of its types. */
  readonly producers: readonly string[];
  /** Whether it is its context's topic, written by the context's producer only. */
  readonly contextTopic: boolean;
  readonly events: readonly RegisteredEvent[];
}

const serviceOf = (source: string) => source.replace(/^\/thc\//, '');

/** `thc.compliance.phi-access.v1` → `compliance-phi-access`: AsyncAPI ids allow no dots. */
function channelId(topic: string): string {
  return topic
    .replace(/^thc\./, '')
    .replace(/\.v[0-9]+$/, '')
    .replace(/\./g, '-');
}

function ownTopicChannel(topic: string, events: readonly RegisteredEvent[]): EventChannel {
  const [first] = events;
  if (!first) throw new Error(`${topic}: no event travels on it`);
  return {
    id: channelId(topic),
    context: first.context,
    topic,
    description: `Only ${[...new Set(events.map((event) => event.name))].join(', ')}. ${first.summary}`,
    producers: [...new Set(events.flatMap((event) => event.sources).map(serviceOf))],
    contextTopic: false,
    events,
  };
}

/**
 * Every topic events travel on, each context's first (in registry order), then the topics of
 * their own of the types other services write too; the AsyncAPI channels and the catalog's
 * sections.
 */
export function eventChannels(): readonly EventChannel[] {
  const contextChannels = Object.values(CONTEXT_REGISTRIES).map((registry): EventChannel => ({
    id: channelId(registry.topic),
    context: registry.context,
    topic: registry.topic,
    description: registry.description,
    producers: [registry.producer.service],
    contextTopic: true,
    events: allEventDefinitions().filter((event) => event.topic === registry.topic),
  }));
  const own = new Map<string, RegisteredEvent[]>();
  for (const event of allEventDefinitions())
    if (!contextChannels.some((channel) => channel.topic === event.topic))
      own.set(event.topic, [...(own.get(event.topic) ?? []), event]);
  return [...contextChannels, ...[...own].map(([topic, events]) => ownTopicChannel(topic, events))];
}
