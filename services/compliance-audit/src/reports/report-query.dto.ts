import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsAbsentOr, IsZonedDateTime, OptionalInteger } from '@thc/service-runtime';
import { IsIn } from 'class-validator';

export const REPORT_SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
] as const;
export const REPORT_FORMATS = ['json', 'csv', 'fhir'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Period, service filter, page and format shared by every report. */
export class ReportQueryDto {
  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00Z',
    description: 'From this instant (inclusive)',
  })
  @IsAbsentOr()
  @IsZonedDateTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-04-01T00:00:00Z',
    description: 'Until this instant (exclusive)',
  })
  @IsAbsentOr()
  @IsZonedDateTime()
  to?: string;

  @ApiPropertyOptional({
    enum: REPORT_SERVICES,
    description: 'Only accesses in this service',
    example: 'scheduling',
  })
  @IsAbsentOr()
  @IsIn(REPORT_SERVICES)
  service?: (typeof REPORT_SERVICES)[number];

  @OptionalInteger({
    description: 'Page size',
    default: 100,
    minimum: 1,
    maximum: 1000,
    example: 100,
  })
  limit?: number;

  @OptionalInteger({
    description: 'Cursor: the `next` of the previous page (a sequence number)',
    example: 4711,
    minimum: 0,
  })
  after?: number;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', example: 'csv' })
  @IsAbsentOr()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
