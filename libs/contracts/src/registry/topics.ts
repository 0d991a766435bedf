/** One topic per producing context; the message key is always the stream (aggregate) id. */
export const TOPICS = {
  scheduling: 'thc.scheduling.v1',
  sessions: 'thc.sessions.v1',
  training: 'thc.training.v1',
  compliance: 'thc.compliance.v1',
} as const satisfies Record<string, `thc.${string}.v${number}`>;

export type ContextName = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[ContextName];

/** Dead-letter topic of one consumer group on one source topic. */
export function deadLetterTopic(topic: string, group: string): string {
  return `${topic}.dlq.${group}`;
}
