import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsUUID } from 'class-validator';

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

  @ApiProperty({ description: 'When the visit actually started' })
  @IsZonedDateTime()
  startedAt!: string;

  @ApiProperty({ description: 'When the visit actually ended' })
  @IsZonedDateTime()
  endedAt!: string;
}
