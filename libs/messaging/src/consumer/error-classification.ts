/**
 * Errors that say the database cannot be reached right now, not that the message is bad:
 * the consumer pauses the partition and retries them without counting toward the
 * dead-letter attempts. Names cover the MongoDB driver and mongoose.
 */
const TRANSIENT_NAMES: ReadonlySet<string> = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoPoolClearedError',
  'MongoWaitQueueTimeoutError',
]);

/**
 * Socket errors a driver may let through unwrapped when the server goes away mid-request (a
 * write to a socket the server closed fails with EPIPE before the driver notices the close).
 */
const TRANSIENT_SOCKET_CODES: ReadonlySet<string> = new Set([
  'EPIPE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Server errors the driver itself would retry (primary stepped down, node shutting down). */
const TRANSIENT_LABELS = ['RetryableWriteError', 'TransientTransactionError'] as const;

// While its connection is down, mongoose queues operations and fails them after a timeout with a
// plain MongooseError; only the message tells it apart from a usage error.
const MONGOOSE_BUFFERING = /buffering timed out/;

interface MaybeMongoError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
  hasErrorLabel?: (label: string) => boolean;
}

/** True when the error, or an error it wraps (`cause`), is a transient database outage. */
export function isTransientInfrastructureError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const candidate = current as MaybeMongoError;
    if (typeof candidate.name === 'string' && TRANSIENT_NAMES.has(candidate.name)) return true;
    if (typeof candidate.code === 'string' && TRANSIENT_SOCKET_CODES.has(candidate.code))
      return true;
    if (
      candidate.name === 'MongooseError' &&
      typeof candidate.message === 'string' &&
      MONGOOSE_BUFFERING.test(candidate.message)
    ) {
      return true;
    }
    if (typeof candidate.hasErrorLabel === 'function') {
      const hasLabel = candidate.hasErrorLabel.bind(current);
      if (TRANSIENT_LABELS.some((label) => hasLabel(label))) return true;
    }
    current = candidate.cause;
  }
  return false;
}

/** Kafka group errors after which this member no longer owns its partitions. */
export function isRebalanceError(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return (
    type === 'REBALANCE_IN_PROGRESS' ||
    type === 'ILLEGAL_GENERATION' ||
    type === 'UNKNOWN_MEMBER_ID' ||
    type === 'NOT_COORDINATOR_FOR_GROUP'
  );
}
