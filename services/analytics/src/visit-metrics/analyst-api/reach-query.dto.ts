import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { ReachDimension } from '../domain/reach-table';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Query string of the reach table: which months, split how, for which clinic. */
export class ReachQuery {
  @ApiProperty({ example: '2026-01', description: 'First calendar month (inclusive), YYYY-MM.' })
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from!: string;

  @ApiProperty({
    example: '2026-12',
    description: 'Last calendar month (inclusive), YYYY-MM, at most 36 months after from.',
  })
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to!: string;

  @ApiPropertyOptional({
    enum: ['clinic', 'kind', 'channel'],
    description:
      'Split rows by the clinic of the visit a message is about, by message kind, or by channel (then counted per channel outcome).',
    example: 'channel',
  })
  @IsOptional()
  @IsIn(['clinic', 'kind', 'channel'])
  by?: ReachDimension;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only messages about visits of this clinic: one the token covers (another is 403).',
    example: '2d7f4b9a-1c3e-4a5b-8d6f-0e2a4c6b8d13',
  })
  @IsOptional()
  @IsUUID()
  clinicId?: string;
}
