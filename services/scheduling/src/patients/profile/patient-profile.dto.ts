import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { LANGUAGE_TAG, USPS_STATE } from '../../directory/record/directory-fields.dto';

/** The whole profile; the patient is the path's. */
export class RecordPatientProfileDto {
  @ApiProperty({
    example: 'es',
    maxLength: 35,
    description:
      "The language to speak to the patient in, a BCP 47 tag (`es`, `zh-Hant`). PHI: kept only sealed under the patient's key.",
  })
  @IsString()
  @MaxLength(35)
  @Matches(LANGUAGE_TAG, { message: '$property must be a BCP 47 language tag such as es' })
  preferredLanguage!: string;

  @ApiProperty({
    example: 'NJ',
    description:
      'USPS code of the state or territory the patient lives in. Kept in clear: a US state alone is not a HIPAA identifier.',
  })
  @IsString()
  @Matches(USPS_STATE, { message: '$property must be a USPS state code such as NJ' })
  stateOfResidence!: string;
}

export const RECORD_PATIENT_PROFILE_EXAMPLE = {
  preferredLanguage: 'es',
  stateOfResidence: 'NJ',
} satisfies RecordPatientProfileDto;

export class PatientProfileRecordedAnswer {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.patientId })
  patientId!: string;

  @ApiProperty({ example: 1, description: "The profile stream's version after the PUT." })
  version!: number;

  @ApiProperty({ example: true, description: 'False when the same profile was already recorded.' })
  changed!: boolean;
}

export class PatientProfileResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.patientId })
  patientId!: string;

  @ApiProperty({ example: 'es', description: 'BCP 47 tag, in canonical case.' })
  preferredLanguage!: string;

  @ApiProperty({ example: 'NJ', description: 'USPS state or territory code.' })
  stateOfResidence!: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T14:00:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ example: 1 })
  version!: number;
}
