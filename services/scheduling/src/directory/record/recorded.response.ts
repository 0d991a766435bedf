import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { SavedVersionResponse } from '../../openapi/saved-version.response';

/** A directory record after a PUT: its id (the path's), its version, and whether it changed. */
export class RecordedResponse extends SavedVersionResponse {
  @ApiProperty({
    format: 'uuid',
    example: EXAMPLE_ID.clinicId,
    description: 'The record: the organization, clinic or staff member of the path',
  })
  id!: string;
}
