import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { MODULE_TOPICS } from './catalog.dto';

/** A catalog module at one version: what staff take and completions are scored against. */
export class ModuleVersionResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.moduleId }) moduleId!: string;
  @ApiProperty({ example: 'HIPAA-PRIVACY-SECURITY', description: 'Stable across versions' })
  moduleCode!: string;
  @ApiProperty({ enum: MODULE_TOPICS }) topic!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: 'Version 1 on creation, then one up each',
  })
  version!: number;
  @ApiProperty({ example: 'HIPAA privacy and security for virtual visits' }) title!: string;
  @ApiProperty({ minimum: 0, maximum: 100, example: 80 }) passMarkPercent!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10, example: 3 }) maxAttempts!: number;
}
