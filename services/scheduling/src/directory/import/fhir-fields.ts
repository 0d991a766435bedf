import type { RecordViolation } from '../domain/directory.errors';

/*
 * Reading FHIR JSON the way an EHR writes it: each helper takes the value and its path in the
 * bundle (`entry[3].resource.address[0].state`), and records what is wrong with it.
 */

export type Json = unknown;
export type JsonObject = { readonly [key: string]: Json };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FieldReader {
  readonly violations: RecordViolation[] = [];

  fail(field: string, reason: string): undefined {
    this.violations.push({ field, reason });
    return undefined;
  }

  object(value: Json, field: string): JsonObject | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as JsonObject;
    return this.fail(field, 'must be an object');
  }

  array(value: Json, field: string, required = false): readonly Json[] {
    if (value === undefined && !required) return [];
    if (Array.isArray(value)) return value;
    this.fail(field, 'must be an array');
    return [];
  }

  text(value: Json, field: string, pattern?: RegExp, hint?: string): string | undefined {
    if (typeof value !== 'string' || value.trim() === '' || value.length > 200)
      return this.fail(field, 'must be a non-empty string of at most 200 characters');
    if (pattern && !pattern.test(value))
      return this.fail(field, `must be ${hint ?? pattern.source}`);
    return value;
  }

  optionalText(value: Json, field: string, pattern?: RegExp, hint?: string): string | undefined {
    return value === undefined ? undefined : this.text(value, field, pattern, hint);
  }

  /** FHIR `active`: absent means active. */
  active(value: Json, field: string): boolean {
    if (value === undefined) return true;
    if (typeof value === 'boolean') return value;
    this.fail(field, 'must be a boolean');
    return true;
  }

  texts(value: Json, field: string, min: number, max: number): string[] {
    const items = this.array(value, field, min > 0);
    if (items.length < min || items.length > max)
      this.fail(field, `must hold ${min} to ${max} entries`);
    return items.flatMap((item, index) => this.text(item, `${field}[${index}]`) ?? []);
  }
}

/** The id a reference names: `Location/<uuid>`, or a bundle's `urn:uuid:<uuid>`. */
export function referencedId(
  reader: FieldReader,
  value: Json,
  field: string,
  resourceType: string,
): string | undefined {
  const reference = reader.object(value, field);
  if (!reference) return undefined;
  const text = reference['reference'];
  if (typeof text === 'string') {
    const id = new RegExp(`^(?:${resourceType}/|urn:uuid:)([^/]+)$`).exec(text)?.[1];
    if (id && UUID.test(id)) return id.toLowerCase();
  }
  return reader.fail(
    `${field}.reference`,
    `must be ${resourceType}/<uuid> or urn:uuid:<uuid> (directory ids are UUIDs)`,
  );
}
