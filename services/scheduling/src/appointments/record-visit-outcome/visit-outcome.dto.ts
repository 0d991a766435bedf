import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';

export class CheckInDto {
  @ApiProperty({ format: 'uuid', description: 'The virtual session the patient arrived in' })
  @IsUUID()
  sessionId!: string;
}

export class NoShowDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId!: string;

  @ApiProperty({ enum: ['patient', 'provider'] })
  @IsIn(['patient', 'provider'])
  absent!: 'patient' | 'provider';
}

export class CompleteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId!: string;

  @ApiProperty({
    description: 'When the visit actually started',
    example: '2026-03-09T09:02:00-04:00',
  })
  @IsZonedDateTime()
  startedAt!: string;

  @ApiProperty({
    description: 'When the visit actually ended',
    example: '2026-03-09T09:27:00-04:00',
  })
  @IsZonedDateTime()
  endedAt!: string;
}

export const CHECK_IN_EXAMPLE = { sessionId: EXAMPLE_ID.sessionId } satisfies CheckInDto;

export const NO_SHOW_EXAMPLE = {
  sessionId: EXAMPLE_ID.sessionId,
  absent: 'patient',
} satisfies NoShowDto;

export const COMPLETE_EXAMPLE = {
  sessionId: EXAMPLE_ID.sessionId,
  startedAt: '2026-03-09T09:02:00-04:00',
  endedAt: '2026-03-09T09:27:00-04:00',
} satisfies CompleteDto;
