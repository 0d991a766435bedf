import { ValidateIf } from 'class-validator';

/**
 * Optional, but not nullable: `@IsOptional` would let `null` through, and a null where a value
 * may be absent is a malformed request, not an absent value.
 */
export const IsAbsentOr = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);
