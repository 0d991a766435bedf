import { allEventDefinitions, CONTEXT_REGISTRIES, eventDefinition } from './event-registry';
import type { ContextName } from './topics';

/** Where a consumed event came from, as the consumer saw it. */
export interface EventOrigin {
  readonly type: string;
  /** `ce_source`: who claims to have produced it. */
  readonly source: string;
  /** The deployed topic it was read from, possibly with a deployment prefix. */
  readonly topic: string;
}

/** Why an event is not trusted: the reason (for metrics and alerts) and what was wrong. */
export interface ProvenanceViolation {
  readonly reason: 'wrong-source' | 'wrong-topic';
  readonly detail: string;
}

interface TopicContract {
  readonly context: ContextName;
  readonly topic: string;
  /** Every `ce_source` that writes some registered type on this topic. */
  readonly sources: ReadonlySet<string>;
}

const TYPE_NAME = /^thc\.([a-z]+)\.([A-Z][A-Za-z0-9]*)\.v[1-9][0-9]*$/;

function topicContract(context: ContextName, topic: string): TopicContract {
  const sources = allEventDefinitions()
    .filter((definition) => definition.topic === topic)
    .flatMap((definition) => definition.sources);
  return { context, topic, sources: new Set(sources) };
}

/** Event names (every version) that travel on a topic of their own, such as PhiAccessed. */
const OWN_TOPIC_OF_NAME = new Map(
  allEventDefinitions()
    .filter((definition) => definition.topic !== CONTEXT_REGISTRIES[definition.context].topic)
    .map((definition) => [`thc.${definition.context}.${definition.name}`, definition] as const),
);

/** Those topics of their own, each with its context. */
const OWN_TOPICS = new Map(
  [...OWN_TOPIC_OF_NAME.values()].map((definition) => [definition.topic, definition.context]),
);

const TOPIC_CONTRACTS: readonly TopicContract[] = [
  ...Object.values(CONTEXT_REGISTRIES).map((registry) =>
    topicContract(registry.context, registry.topic),
  ),
  ...[...OWN_TOPICS].map(([topic, context]) => topicContract(context, topic)),
];

/** The topic an event of this context and name travels on: its own, or its context's. */
function topicOfName(context: ContextName, name: string): string {
  return (
    OWN_TOPIC_OF_NAME.get(`thc.${context}.${name}`)?.topic ?? CONTEXT_REGISTRIES[context].topic
  );
}

/** A value the sender chose, safe to echo into a log line or a header: quoted and bounded. */
function echo(value: string): string {
  return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
}

/**
 * The contract topic a deployed topic carries: deployments and tests put a prefix before the
 * contract name (`KAFKA_TOPIC_PREFIX`), so the name is matched by its end. Undefined for a
 * topic that is not a platform topic.
 */
export function contractTopicOf(deployedTopic: string): string | undefined {
  // The longest name that fits: no contract topic may pass for another that ends like it.
  return TOPIC_CONTRACTS.map(({ topic }) => topic)
    .filter((topic) => deployedTopic.endsWith(topic))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * Whether an event may be trusted to come from where it claims: a registered type only on its
 * topic and only from a source the registry names for it (the context's producer, or a service
 * listed in `alsoProducedBy`, whose events travel on a topic of their own). A type the
 * registry does not know yet (a producer deployed ahead of its consumers) is judged by the
 * topic it arrives on: it must name that topic's context, travel where its name does (a new
 * version of PhiAccessed on the PHI-access topic, anything else on the context's topic) and
 * come from a source that writes on the topic. Without this, anyone able to write to a topic
 * could publish another service's facts (a consent, a credential, a booking). Events on topics
 * outside the platform's contracts are not judged here.
 */
export function provenanceViolation(origin: EventOrigin): ProvenanceViolation | undefined {
  const { type, source, topic } = origin;
  const carried = TOPIC_CONTRACTS.find((contract) => contract.topic === contractTopicOf(topic));
  const definition = eventDefinition(type);
  if (definition) {
    if (carried?.topic !== definition.topic)
      return {
        reason: 'wrong-topic',
        detail: `type not carried on this topic: ${echo(type)} is published on ${definition.topic}, not ${echo(topic)}`,
      };
    if (!definition.sources.includes(source))
      return {
        reason: 'wrong-source',
        detail: `wrong source for type: ${type} comes from ${definition.sources.join(' or ')}, not ${echo(source)}`,
      };
    return undefined;
  }
  if (!carried) return undefined;
  const [, context, name = ''] = TYPE_NAME.exec(type) ?? [];
  if (context !== carried.context)
    return {
      reason: 'wrong-topic',
      detail: `type not carried on this topic: ${carried.topic} carries thc.${carried.context}.* types, not ${echo(type)}`,
    };
  const home = topicOfName(carried.context, name);
  if (home !== carried.topic)
    return {
      reason: 'wrong-topic',
      detail: `type not carried on this topic: thc.${carried.context}.${name}.* is published on ${home}, not ${echo(topic)}`,
    };
  if (!carried.sources.has(source))
    return {
      reason: 'wrong-source',
      detail: `wrong source for topic: ${carried.topic} is written by ${[...carried.sources].join(' or ')}, not ${echo(source)}`,
    };
  return undefined;
}
