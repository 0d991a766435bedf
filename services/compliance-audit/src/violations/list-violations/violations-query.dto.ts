import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsAbsentOr, IsZonedDateTime, OptionalInteger } from '@thc/service-runtime';
import { IsIn } from 'class-validator';
import { VIOLATION_STATUSES, ViolationStatus } from '../domain/violation-review.state';

export const VIOLATION_RULES = [
  'access-without-care-relationship',
  'access-outside-working-hours',
  'access-purpose-mismatch',
  'bulk-access',
  'session-without-consent',
  'visit-with-lapsed-credential',
  'transfer-to-uncredentialed-provider',
  'phi-access-outside-clinic',
  'audit-chain-broken',
] as const;

export class ViolationsQueryDto {
  @ApiPropertyOptional({ enum: VIOLATION_RULES, example: 'access-without-care-relationship' })
  @IsAbsentOr()
  @IsIn(VIOLATION_RULES)
  rule?: (typeof VIOLATION_RULES)[number];

  @ApiPropertyOptional({
    enum: VIOLATION_STATUSES,
    description: 'open: not yet handled; acknowledged: in hand; resolved: closed',
    example: 'open',
  })
  @IsAbsentOr()
  @IsIn(VIOLATION_STATUSES)
  status?: ViolationStatus;

  @ApiPropertyOptional({
    description: 'Detected from this instant (inclusive)',
    example: '2026-03-01T00:00:00Z',
  })
  @IsAbsentOr()
  @IsZonedDateTime()
  from?: string;

  @ApiPropertyOptional({
    description: 'Detected before this instant',
    example: '2026-04-01T00:00:00Z',
  })
  @IsAbsentOr()
  @IsZonedDateTime()
  to?: string;

  @OptionalInteger({ default: 100, minimum: 1, maximum: 1000, example: 50 })
  limit?: number;

  @OptionalInteger({ default: 0, minimum: 0, maximum: 1_000_000, example: 50 })
  offset?: number;
}
