import { ApiProperty } from '@nestjs/swagger';
import { EventDataOf } from '@thc/contracts';
import { IsZonedDateTime } from '@thc/service-runtime';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

type Disclosure = EventDataOf<'thc.compliance.DisclosureRecorded.v1'>;

export const RECIPIENT_KINDS = [
  'provider',
  'payer',
  'public-authority',
  'court',
  'researcher',
  'other',
] as const satisfies readonly Disclosure['recipient']['kind'][];

export const DISCLOSURE_PURPOSES = [
  'treatment',
  'payment',
  'public-health',
  'health-oversight',
  'judicial',
  'law-enforcement',
  'research',
  'required-by-law',
  'patient-authorized',
] as const satisfies readonly Disclosure['purpose'][];

export class RecipientDto {
  @ApiProperty({
    example: 'State Department of Public Health',
    description:
      "The receiving organization (not a person): letters, digits, spaces and . , & ' ( ) -",
  })
  @IsString()
  @Length(1, 120)
  // No leading formula characters or line breaks: the name goes into CSV reports and FHIR.
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} .,&'()/-]{0,119}$/u, {
    message:
      'recipient.organization must start with a letter or digit and hold no control characters',
  })
  organization!: string;

  @ApiProperty({ enum: RECIPIENT_KINDS })
  @IsIn(RECIPIENT_KINDS)
  kind!: (typeof RECIPIENT_KINDS)[number];
}

export class RecordDisclosureDto {
  @ApiProperty({ type: RecipientDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RecipientDto)
  recipient!: RecipientDto;

  @ApiProperty({ enum: DISCLOSURE_PURPOSES })
  @IsIn(DISCLOSURE_PURPOSES)
  purpose!: (typeof DISCLOSURE_PURPOSES)[number];

  @ApiProperty({
    type: [String],
    example: ['Appointment', 'Encounter'],
    description: 'What was disclosed, as FHIR resource types',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[A-Z][A-Za-z]{1,63}$/, {
    each: true,
    message: 'resources must be FHIR resource types',
  })
  resources!: string[];

  @ApiProperty({ example: '2026-03-18T09:00:00Z', description: 'When the data left, with a zone' })
  @IsZonedDateTime()
  disclosedAt!: string;
}

/** The example request of the API documentation. */
export const RECORD_DISCLOSURE_EXAMPLE = {
  recipient: { organization: 'State Department of Public Health', kind: 'public-authority' },
  purpose: 'public-health',
  resources: ['Appointment', 'Encounter'],
  disclosedAt: '2026-03-18T09:00:00Z',
} satisfies RecordDisclosureDto;
