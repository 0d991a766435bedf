import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsAbsentOr } from './is-absent-or';

/** A whole number the query may carry, and its documentation. */
export interface OptionalIntegerDoc {
  readonly minimum: number;
  readonly maximum?: number;
  readonly default?: number;
  readonly example: number;
  readonly description?: string;
}

/**
 * An optional whole-number query parameter (a page, a limit, a cursor): read from its text,
 * refused with a 400 naming it when it is not a whole number within its bounds, and documented
 * with the same bounds it is checked against.
 */
export function OptionalInteger(doc: OptionalIntegerDoc): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', ...doc }),
    IsAbsentOr(),
    Type(() => Number),
    IsInt(),
    Min(doc.minimum),
    ...(doc.maximum === undefined ? [] : [Max(doc.maximum)]),
  );
}
