import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../../openapi/api-docs';

/** What one entry of the bundle came to. */
export class ImportedEntryResponse {
  @ApiProperty({ example: 1, description: 'Its index in the bundle, from 0' }) entry!: number;
  @ApiProperty({
    example: `Location/${EXAMPLE_ID.clinicId}`,
    description:
      '`Organization/<id>`, `Location/<id>`, or `Practitioner/<id>` for a staff member and their roles',
  })
  reference!: string;
  @ApiProperty({
    enum: ['recorded', 'unchanged'],
    description: 'unchanged: the directory already listed the record as the entry states it',
  })
  outcome!: 'recorded' | 'unchanged';
}

/** What an import recorded: counts, and each record in the order it was recorded. */
export class DirectoryImportResponse {
  @ApiProperty({ example: 2, description: 'Records saved' }) recorded!: number;
  @ApiProperty({ example: 1, description: 'Records already as stated' }) unchanged!: number;
  @ApiProperty({
    type: [ImportedEntryResponse],
    description: 'Organizations (each after the system it is part of), then clinics, then staff',
  })
  entries!: readonly ImportedEntryResponse[];
}
