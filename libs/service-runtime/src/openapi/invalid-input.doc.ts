import { PURPOSES } from '../phi-access/purpose-of-use';

const BODY =
  'the body is not valid JSON, misses or malforms a field, or has one the API does not know (`invalid-params` names each)';

/** What makes the input of one operation invalid (HTTP 400), part by part. */
export interface InvalidInputDoc {
  /** The path parameters that must be UUIDs. */
  readonly ids?: readonly string[];
  /** The ids must be version 4 UUIDs, not any UUID. */
  readonly v4?: boolean;
  /** The operation validates a query DTO. */
  readonly query?: boolean;
  /** The operation validates a body DTO. */
  readonly body?: boolean;
  /** The operation discloses PHI, so it checks `X-Purpose-Of-Use`. */
  readonly purposeOfUse?: boolean;
  /** Any further check of its own, as a clause. */
  readonly also?: string;
}

/**
 * The description of an operation's 400, in the words of the global pipes and the PHI access
 * interceptor that answer it, so that every service says the same of the same checks.
 */
export function invalidInputDoc(input: InvalidInputDoc): string {
  const ids = input.ids ?? [];
  const causes = [
    ...(ids.length > 0
      ? [
          `${ids.map((id) => `\`${id}\``).join(' or ')} is not a ${input.v4 ? 'version 4 ' : ''}UUID`,
        ]
      : []),
    ...(input.query
      ? ['a query parameter is missing or malformed (`invalid-params` names each)']
      : []),
    ...(input.body ? [BODY] : []),
    ...(input.purposeOfUse
      ? [`the \`X-Purpose-Of-Use\` header is not one of ${PURPOSES.join(', ')}`]
      : []),
    ...(input.also ? [input.also] : []),
  ];
  const sentence = causes.join('; or ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
