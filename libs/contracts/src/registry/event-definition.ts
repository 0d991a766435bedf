import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { ContextName, SharedTopicName, TOPICS } from './topics';

/** CloudEvents `type` of a platform event: `thc.<context>.<EventName>.v<N>`. */
export type EventTypeName<C extends ContextName = ContextName> = `thc.${C}.${string}.v${number}`;

/** An event schema is a JSON Schema (draft-07) object describing the event data. */
export type EventSchema = Exclude<JSONSchema, boolean>;

/** Events are facts: once written, nothing in them changes. */
export type Immutable<T> = T extends readonly (infer U)[]
  ? readonly Immutable<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Immutable<T[K]> }
    : T;

/** The TypeScript type of an event's data, derived from its schema so the two cannot drift. */
export type EventData<S extends JSONSchema> = Immutable<FromSchema<S>>;

/**
 * One version of one event type. `type` carries context, name and version; everything else
 * (topic, Kafka key, validation, AsyncAPI message, docs) is derived from this declaration.
 */
export interface EventDefinition<C extends ContextName = ContextName> {
  readonly type: EventTypeName<C>;
  /** Key of the context's `streams`: which aggregate's stream the event is appended to. */
  readonly stream: string;
  /** One sentence: what happened, and who reacts to it. */
  readonly summary: string;
  readonly schema: EventSchema;
  /** A valid instance; documentation, an AsyncAPI example and a test fixture at once. */
  readonly example: object;
  /**
   * Services other than the context's producer that also write this event type (their
   * `ce_source` values); an event every service records about itself, such as PhiAccessed.
   * Such an event needs a `topic` of its own: the registry refuses it on the context's topic.
   */
  readonly alsoProducedBy?: readonly `/thc/${string}`[];
  /**
   * The topic of an event that other services write too (one of SHARED_TOPICS, named for this
   * context); by default the context's topic. Their write access then ends at this type.
   */
  readonly topic?: SharedTopicName;
}

/**
 * An aggregate's stream. Its id, `<prefix>-<data[idField]>`, is the Kafka message key and the
 * CloudEvents subject, so every event of one aggregate lands on one partition, in order.
 */
export interface StreamDefinition {
  readonly prefix: string;
  readonly idField: string;
  readonly description: string;
}

/** Turns one version's data into the next version's, so streams written before still load. */
export interface EventUpcaster<From = never, To = unknown> {
  readonly from: EventTypeName;
  readonly to: EventTypeName;
  readonly upcast: (data: From) => To;
}

/** Everything one bounded context publishes: its topic, its streams, its event types. */
export interface ContextRegistry<C extends ContextName = ContextName> {
  readonly context: C;
  readonly topic: (typeof TOPICS)[C];
  /** The one service that produces the topic; it is the `ce_source` of every event on it. */
  readonly producer: { readonly service: string; readonly source: `/thc/${string}` };
  readonly description: string;
  readonly streams: Readonly<Record<string, StreamDefinition>>;
  readonly events: readonly EventDefinition<C>[];
  readonly upcasters: readonly EventUpcaster[];
}
