/** Who and what caused an event; carried with it to every consumer. */
export interface EventMetadata {
  readonly correlationId?: string;
  readonly causationId?: string;
  /** The authenticated subject (user or service) that issued the command. */
  readonly actor?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** An event about to be appended. `id` is generated when absent. */
export interface NewEvent<TData = unknown> {
  readonly id?: string;
  readonly type: string;
  readonly data: TData;
  readonly metadata?: EventMetadata;
}

/** An event as stored: the document is both the fact and its outbox entry. */
export interface StoredEvent<TData = unknown> {
  readonly id: string;
  readonly streamId: string;
  /** 1-based position within its stream. */
  readonly version: number;
  readonly type: string;
  readonly data: TData;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/**
 * What the caller expects of the stream before appending: `any` (no check), `noStream` (must
 * not exist), `exists` (must exist), or the exact version readers see (0 = no stream).
 */
export type ExpectedVersion = 'any' | 'noStream' | 'exists' | number;
