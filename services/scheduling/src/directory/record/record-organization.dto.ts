import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsUUID, ValidateIf } from 'class-validator';
import { DisplayText, present } from './directory-fields.dto';

/** The whole organization record; the id is the path's. */
export class RecordOrganizationDto {
  @ApiProperty({ example: 'Hudson Valley Health' })
  @DisplayText()
  name!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The health system it is a member of; that organization must be recorded first.',
  })
  @ValidateIf(present)
  @IsUUID()
  partOf?: string;

  @ApiProperty({ example: true, description: 'False once it no longer takes part.' })
  @IsBoolean()
  active!: boolean;
}

export const RECORD_ORGANIZATION_EXAMPLE = {
  name: 'Hudson Valley Health',
  active: true,
} satisfies RecordOrganizationDto;
