import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';

export class AssignModuleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  moduleId!: string;

  @ApiProperty({ example: '2027-03-01T00:00:00Z' })
  @IsZonedDateTime()
  dueAt!: string;

  @ApiProperty({ enum: ['manual', 'retraining', 'renewal'] })
  @IsIn(['manual', 'retraining', 'renewal'])
  reason!: 'manual' | 'retraining' | 'renewal';
}

/** The example request of the API documentation. */
export const ASSIGN_MODULE_EXAMPLE = {
  moduleId: EXAMPLE_ID.moduleId,
  dueAt: '2027-03-01T00:00:00Z',
  reason: 'manual',
} satisfies AssignModuleDto;
