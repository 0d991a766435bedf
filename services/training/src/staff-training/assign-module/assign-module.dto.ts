import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsUUID } from 'class-validator';

export class AssignModuleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  moduleId!: string;

  @ApiProperty({ example: '2026-03-01T00:00:00Z' })
  @IsZonedDateTime()
  dueAt!: string;

  @ApiProperty({ enum: ['manual', 'retraining', 'renewal'] })
  @IsIn(['manual', 'retraining', 'renewal'])
  reason!: 'manual' | 'retraining' | 'renewal';
}
