/** A message that can never be handled (not a CloudEvent, not JSON): retrying cannot help. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

/** A well-formed CloudEvent whose data breaks the contract of its type: retrying cannot help. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
}

/** The error as an Error, whatever was thrown. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
