import { complianceRegistry } from './compliance.events';
import type {
  ContextRegistry,
  EventData,
  EventDefinition,
  StreamDefinition,
  EventUpcaster,
} from './event-definition';
import { notificationsRegistry } from './notifications.events';
import { schedulingRegistry } from './scheduling.events';
import { sessionsRegistry } from './sessions.events';
import type { ContextName, SharedTopicName, TopicName } from './topics';
import { trainingRegistry } from './training.events';

/** Every context's registry; the mapped type makes leaving a context out a compile error. */
export const CONTEXT_REGISTRIES = {
  scheduling: schedulingRegistry,
  sessions: sessionsRegistry,
  training: trainingRegistry,
  compliance: complianceRegistry,
  notifications: notificationsRegistry,
} as const satisfies { readonly [C in ContextName]: ContextRegistry<C> };

type AnyDefinition = (typeof CONTEXT_REGISTRIES)[ContextName]['events'][number];

/** Union of every registered CloudEvents type, e.g. `thc.scheduling.AppointmentBooked.v1`. */
export type EventType = AnyDefinition['type'];
export type EventDefinitionOf<T extends EventType> = Extract<AnyDefinition, { readonly type: T }>;
/** The data of one event type, derived from its JSON Schema. */
export type EventDataOf<T extends EventType> = EventData<EventDefinitionOf<T>['schema']>;
/** Any platform event, discriminated by `type`. */
export type PlatformEvent = {
  [T in EventType]: { readonly type: T; readonly data: EventDataOf<T> };
}[EventType];

/** A definition with what its context adds: where it is published and how it is keyed. */
export interface RegisteredEvent extends Omit<EventDefinition, 'topic'> {
  readonly context: ContextName;
  readonly name: string;
  readonly version: number;
  /** Where it is published: its own topic when it has one, else its context's. */
  readonly topic: TopicName | SharedTopicName;
  /** `ce_source` of the context's producer. */
  readonly source: string;
  /** Every `ce_source` an event of this type may carry: the producer's, then any others. */
  readonly sources: readonly string[];
  readonly producerService: string;
  readonly streamDefinition: StreamDefinition;
}

const TYPE_PATTERN = /^thc\.([a-z]+)\.([A-Z][A-Za-z0-9]*)\.v([1-9][0-9]*)$/;

function register(registry: ContextRegistry): RegisteredEvent[] {
  return registry.events.map((definition) => {
    const [, context, name, version] = TYPE_PATTERN.exec(definition.type) ?? [];
    const streamDefinition = registry.streams[definition.stream];
    // Thrown at import time: a malformed registry must never reach a producer or a consumer.
    if (context !== registry.context || !name || !version) {
      throw new Error(`${definition.type} is not thc.${registry.context}.<EventName>.v<N>`);
    }
    if (!streamDefinition)
      throw new Error(`${definition.type}: unknown stream ${definition.stream}`);
    const topic = definition.topic ?? registry.topic;
    if (!topic.startsWith(`thc.${registry.context}.`))
      throw new Error(`${definition.type}: ${topic} is not a topic of ${registry.context}`);
    // Kafka grants writes per topic: other producers on the context's topic could state any
    // of the context's facts under the producer's name.
    if (definition.alsoProducedBy?.length && topic === registry.topic)
      throw new Error(`${definition.type}: other producers need a topic of its own`);
    return {
      ...definition,
      context: registry.context,
      name,
      version: Number(version),
      topic,
      source: registry.producer.source,
      sources: [registry.producer.source, ...(definition.alsoProducedBy ?? [])],
      producerService: registry.producer.service,
      streamDefinition,
    };
  });
}

const registries: readonly ContextRegistry[] = Object.values(CONTEXT_REGISTRIES);
const definitions: readonly RegisteredEvent[] = registries.flatMap(register);
const byType = new Map<string, RegisteredEvent>(
  definitions.map((definition) => [definition.type, definition]),
);
if (byType.size !== definitions.length) throw new Error('an event type is registered twice');

/** Every registered event type, context by context, versions in registry order. */
export function allEventDefinitions(): readonly RegisteredEvent[] {
  return definitions;
}

/** The definition of a CloudEvents type, or undefined when the platform does not know it. */
export function eventDefinition(type: string): RegisteredEvent | undefined {
  return byType.get(type);
}

/** The bounded context that produces a type, or undefined for an unknown type. */
export function contextOf(type: string): ContextName | undefined {
  return byType.get(type)?.context;
}

/**
 * The stream id of an event: its Kafka message key and `ce_subject`. Undefined for an unknown
 * type or data without the stream's id field.
 */
export function streamIdOf(type: string, data: unknown): string | undefined {
  const stream = byType.get(type)?.streamDefinition;
  if (!stream || typeof data !== 'object' || data === null) return undefined;
  const id: unknown = (data as Record<string, unknown>)[stream.idField];
  return typeof id === 'string' ? `${stream.prefix}-${id}` : undefined;
}

/** Every upcaster of every context; the chain rules are checked where they are applied. */
export function allUpcasters(): readonly EventUpcaster[] {
  return registries.flatMap((registry) => registry.upcasters);
}
