import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsAbsentOr, IsZonedDateTime } from '@thc/service-runtime';
import { IsNumber, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { EVIDENCE, EVIDENCE_MESSAGE } from '../evidence-ref';

export class RecordCompletionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  moduleId!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 92 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  scorePercent!: number;

  @ApiProperty({ example: '2026-01-15T16:45:00Z' })
  @IsZonedDateTime()
  completedAt!: string;

  @ApiPropertyOptional({ example: 'lms://attempts/4711' })
  @IsAbsentOr()
  @IsString()
  @MaxLength(512)
  @Matches(EVIDENCE, { message: EVIDENCE_MESSAGE })
  evidenceRef?: string;
}

/** The example request of the API documentation. */
export const RECORD_COMPLETION_EXAMPLE = {
  moduleId: EXAMPLE_ID.moduleId,
  scorePercent: 92,
  completedAt: '2026-01-15T16:45:00Z',
  evidenceRef: 'lms://attempts/4711',
} satisfies RecordCompletionDto;
