import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** The officer's note on a step: why it was taken. Kept in this service, never in events. */
export class ViolationNoteDto {
  @ApiProperty({
    example: 'Provider was covering for a colleague; confirmed with the clinic manager.',
    minLength: 1,
    maxLength: 2000,
  })
  @IsString()
  @Length(1, 2000)
  // At least one visible character: a note of blanks says nothing.
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;
}

/** The example request of the API documentation. */
export const VIOLATION_NOTE_EXAMPLE = {
  note: 'Provider was covering for a colleague; confirmed with the clinic manager.',
} satisfies ViolationNoteDto;
