import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';

export class StaffQueryDto {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.clinicId, description: 'A clinic you cover.' })
  @IsUUID()
  clinicId!: string;
}
