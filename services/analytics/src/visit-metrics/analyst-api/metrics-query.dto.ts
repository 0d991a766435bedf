import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
} from 'class-validator';
import { METRIC_NAMES, MetricName } from '../domain/metric-definitions';
import type { Grouping } from '../domain/calendar-period';
import type { Dimension } from '../domain/metrics-table';
import { OptionalInteger } from '@thc/service-runtime';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Query string of the metrics table: what, over which days, filtered, grouped, which page. */
export class MetricsQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First calendar day (inclusive).' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a calendar date' })
  from!: string;

  @ApiProperty({
    example: '2026-12-31',
    description: 'Last calendar day (inclusive), at most 3 years after from.',
  })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a calendar date' })
  to!: string;

  @ApiPropertyOptional({
    description: `Comma-separated metric names; default all. One of: ${METRIC_NAMES.join(', ')}.`,
    type: String,
    example: 'scheduled,completed,noShowRate',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(METRIC_NAMES.length)
  @IsIn(METRIC_NAMES, { each: true })
  metrics?: MetricName[];

  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'day', example: 'month' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  groupBy?: Grouping;

  @ApiPropertyOptional({
    enum: ['clinic', 'provider', 'visitType'],
    description: 'Split rows by.',
    example: 'clinic',
  })
  @IsOptional()
  @IsIn(['clinic', 'provider', 'visitType'])
  by?: Dimension;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this clinic: one the token covers (another is 403).',
    example: '2d7f4b9a-1c3e-4a5b-8d6f-0e2a4c6b8d13',
  })
  @IsOptional()
  @IsUUID()
  clinicId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this provider.',
    example: '9a1e3c5b-7d2f-4b6a-9c8e-1f3a5d7b9c24',
  })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({
    enum: ['video', 'audio'],
    description: 'Only this visit type.',
    example: 'video',
  })
  @IsOptional()
  @IsIn(['video', 'audio'])
  visitType?: string;

  @OptionalInteger({ minimum: 1, maximum: 100_000, default: 1, example: 1 })
  page?: number;

  @OptionalInteger({ minimum: 1, maximum: 1000, default: 100, example: 100 })
  pageSize?: number;
}
