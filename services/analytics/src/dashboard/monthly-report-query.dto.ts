import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';

/** Which month's report, and optionally one clinic's (one the analyst's token covers). */
export class MonthlyReportQuery {
  @ApiProperty({ example: '2026-03', description: 'The calendar month, YYYY-MM.' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only this clinic. The page checks nothing itself: the analyst API it calls refuses a clinic the token does not cover.',
    example: '2d7f4b9a-1c3e-4a5b-8d6f-0e2a4c6b8d13',
  })
  @IsOptional()
  @IsUUID()
  clinicId?: string;
}
