/** A message that can never be handled (not a CloudEvent, not JSON): retrying cannot help. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

/** A well-formed CloudEvent whose data breaks the contract of its type: retrying cannot help. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
}

/**
 * The error as an Error, whatever was thrown. What was thrown stays as the cause: an error of
 * another realm (a socket error seen from a vm context) is not `instanceof Error` here but must
 * still be classified by its name and code.
 */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown), { cause: thrown });
}
