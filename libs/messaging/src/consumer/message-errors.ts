/** A message that can never be handled (not a CloudEvent, not JSON): retrying cannot help. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

/** A well-formed CloudEvent whose data breaks the contract of its type: retrying cannot help. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
}

/**
 * A well-formed CloudEvent that did not come from where the contracts registry says its type
 * comes from: a source other than the type's producer, or a type on another context's topic.
 * Whoever wrote it can write to the topic but is not the producer; retrying cannot help.
 */
export class ProvenanceViolationError extends Error {
  override readonly name = 'ProvenanceViolationError';

  constructor(
    /** For the metrics label: which of the two checks failed. */
    readonly reason: 'wrong-source' | 'wrong-topic',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The error as an Error, whatever was thrown. What was thrown stays as the cause: an error of
 * another realm (a socket error seen from a vm context) is not `instanceof Error` here but must
 * still be classified by its name and code.
 */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown), { cause: thrown });
}
