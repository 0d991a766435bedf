import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ConfirmLocationDto {
  @ApiProperty({
    pattern: '^[A-Z]{2}$',
    example: 'NJ',
    description:
      'USPS code of the state or territory the patient is in now (a state alone is not a HIPAA identifier).',
  })
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a USPS state or territory code, e.g. NJ' })
  state!: string;
}

export class LocationConfirmation {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ example: 'NJ' }) state!: string;
  @ApiProperty({ format: 'date-time' }) confirmedAt!: string;
}

export const CONFIRM_LOCATION_EXAMPLE = { state: 'NJ' } satisfies ConfirmLocationDto;
