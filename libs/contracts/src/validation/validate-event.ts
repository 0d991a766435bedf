import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { eventDefinition } from '../registry/event-registry';

// strict: a schema with a typo'd keyword fails at compile time instead of validating nothing.
const ajv = new Ajv({ strict: true, allErrors: false });
addFormats(ajv);

const compiled = new Map<string, ValidateFunction>();

function validatorFor(type: string): ValidateFunction | undefined {
  const cached = compiled.get(type);
  if (cached) return cached;
  const definition = eventDefinition(type);
  if (!definition) return undefined;
  const validate = ajv.compile(definition.schema);
  compiled.set(type, validate);
  return validate;
}

/** `data.participants[0].role`: the path a reader finds in the event, not a JSON pointer. */
function fieldPath(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`));
  const params = error.params as Record<string, unknown>;
  const child = params['missingProperty'] ?? params['additionalProperty'];
  if (typeof child === 'string') segments.push(`.${child}`);
  return `data${segments.join('')}`;
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'required') return `${fieldPath(error)} is required`;
  if (error.keyword === 'additionalProperties') return `${fieldPath(error)} is not allowed`;
  const params = error.params as { allowedValues?: unknown; allowedValue?: unknown };
  const allowed = params.allowedValues ?? params.allowedValue;
  const suffix = Array.isArray(allowed)
    ? ` (${allowed.join(', ')})`
    : typeof allowed === 'string'
      ? ` (${allowed})`
      : '';
  return `${fieldPath(error)} ${error.message ?? 'is invalid'}${suffix}`;
}

/**
 * Without allErrors ajv stops at the first failure, except inside `oneOf`, where it reports
 * each branch and then the `oneOf` itself: name the union's path, then why each branch failed.
 */
function summarize(errors: readonly ErrorObject[]): string {
  const union = errors.find((error) => error.keyword === 'oneOf');
  if (!union) return errors[0] ? describe(errors[0]) : 'invalid';
  const branches = errors.filter((error) => error !== union).map(describe);
  return `${fieldPath(union)} matches no allowed shape: ${branches.join(' or ')}`;
}

/**
 * Checks event data against the JSON Schema of its type. Returns undefined when valid, else
 * one line naming the type and the failing field, fit for a dead-letter header.
 * Schemas are compiled on first use and cached.
 */
export function validateEvent(type: string, data: unknown): string | undefined {
  const validate = validatorFor(type);
  if (!validate) return `unknown event type ${type}`;
  if (validate(data)) return undefined;
  return `${type}: ${summarize(validate.errors ?? [])}`;
}

/** Thrown by `assertValidEvent`: a producer tried to emit data its schema refuses. */
export class InvalidEventError extends Error {
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'InvalidEventError';
  }
}

/** For producers: refuses to let an event that breaks its contract reach the store or Kafka. */
export function assertValidEvent(type: string, data: unknown): void {
  const reason = validateEvent(type, data);
  if (reason !== undefined) throw new InvalidEventError(type, reason);
}
