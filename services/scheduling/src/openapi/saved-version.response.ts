import { ApiProperty } from '@nestjs/swagger';

/**
 * What a PUT of a whole record answers, whatever the record: the version of its stream after
 * the save, and whether the save changed it. A PUT of the record as it stands appends nothing,
 * so a retried request is safe and says so.
 */
export class SavedVersionResponse {
  @ApiProperty({
    description: 'Events in the stream after the save; unchanged when the record was',
    example: 3,
  })
  version!: number;

  @ApiProperty({ description: 'False when the record already stood as stated: nothing was saved' })
  changed!: boolean;
}
