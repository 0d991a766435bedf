import { ValidationOptions, registerDecorator } from 'class-validator';
import { DateTime } from 'luxon';

// RFC 3339 date-time: a date, a time, and an explicit zone (Z or ±hh:mm). A time without a
// zone is ambiguous across clinics in different zones, so APIs refuse it.
const ZONED =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isZonedDateTime(value: unknown): boolean {
  // The pattern checks the shape; Luxon rejects calendar impossibilities such as 31 February.
  return (
    typeof value === 'string' &&
    ZONED.test(value) &&
    DateTime.fromISO(value, { setZone: true }).isValid
  );
}

/** The property is an ISO-8601 / RFC 3339 date-time that states its zone. */
export function IsZonedDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isZonedDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be an ISO-8601 date-time with a zone (Z or ±hh:mm)',
        ...options,
      },
      validator: { validate: isZonedDateTime },
    });
}
