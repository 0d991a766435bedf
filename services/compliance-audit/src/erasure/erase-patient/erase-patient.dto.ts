import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class ErasePatientDto {
  @ApiProperty({
    example: 'ERASURE-2026-0042',
    description:
      "Reference of the patient's erasure request, as the privacy office files it (no PHI)",
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,60}$/, { message: 'requestRef must be 1-60 letters, digits, . _ -' })
  requestRef!: string;
}

/** The example request of the API documentation. */
export const ERASE_PATIENT_EXAMPLE = { requestRef: 'ERASURE-2026-0042' } satisfies ErasePatientDto;
