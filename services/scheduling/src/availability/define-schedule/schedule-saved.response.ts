import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { SavedVersionResponse } from '../../openapi/saved-version.response';

/** A provider's schedule after a PUT: whose it is, its version, and whether it changed. */
export class ScheduleSavedResponse extends SavedVersionResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.providerId }) providerId!: string;
}
