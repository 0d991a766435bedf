/** One topic per producing context; the message key is always the stream (aggregate) id. */
export const TOPICS = {
  scheduling: 'thc.scheduling.v1',
  sessions: 'thc.sessions.v1',
  training: 'thc.training.v1',
  compliance: 'thc.compliance.v1',
  notifications: 'thc.notifications.v1',
} as const satisfies Record<string, `thc.${string}.v${number}`>;

export type ContextName = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[ContextName];

/**
 * Topics of their own for event types that services besides the context's producer write too
 * (an event's `topic` and `alsoProducedBy`). Kafka grants writes per topic: on its context's
 * topic, such an event would let every one of those services write the context's other facts
 * (a consent) under the producer's name. Here, only that type is accepted from them.
 */
export const SHARED_TOPICS = {
  /** PhiAccessed: every service that serves PHI records its own reads. */
  phiAccess: 'thc.compliance.phi-access.v1',
} as const satisfies Record<string, `thc.${ContextName}.${string}.v${number}`>;

export type SharedTopicName = (typeof SHARED_TOPICS)[keyof typeof SHARED_TOPICS];

/** Every topic platform events travel on: each context's own, then the shared ones. */
export const EVENT_TOPICS: readonly (TopicName | SharedTopicName)[] = [
  ...Object.values(TOPICS),
  ...Object.values(SHARED_TOPICS),
];

/** Dead-letter topic of one consumer group on one source topic. */
export function deadLetterTopic(topic: string, group: string): string {
  return `${topic}.dlq.${group}`;
}
