import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsAbsentOr } from '../../shared/dto-validators';

export const VIOLATION_RULES = [
  'access-without-care-relationship',
  'access-outside-working-hours',
  'access-purpose-mismatch',
  'bulk-access',
  'session-without-consent',
  'visit-with-lapsed-credential',
  'audit-chain-broken',
] as const;

export class ViolationsQueryDto {
  @ApiPropertyOptional({ enum: VIOLATION_RULES })
  @IsAbsentOr()
  @IsIn(VIOLATION_RULES)
  rule?: (typeof VIOLATION_RULES)[number];

  @ApiPropertyOptional({ description: 'Detected from this instant (inclusive)' })
  @IsAbsentOr()
  @IsZonedDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'Detected before this instant' })
  @IsAbsentOr()
  @IsZonedDateTime()
  to?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsAbsentOr()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
