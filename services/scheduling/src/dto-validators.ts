import { registerDecorator, ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';

// The contract's pattern for zone names, plus a real lookup in the tz database.
const ZONE_NAME = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/;

export function isIanaTimeZone(value: unknown): boolean {
  return typeof value === 'string' && ZONE_NAME.test(value) && IANAZone.isValidZone(value);
}

/** The property is an IANA time zone name the tz database knows, e.g. America/New_York. */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Europe/London', ...options },
      validator: { validate: isIanaTimeZone },
    });
}
