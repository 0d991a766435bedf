import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { canonicalLanguage, canonicalTimeZone, LOCAL_TIME } from '../domain/contact-fields';
import { normalisedE164 } from '../domain/e164';
import { IsAbsentOr } from '@thc/service-runtime';

const EXAMPLE_PATIENT = '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02';

/** The value is a string `check` accepts (after the DTO's own `@Transform`). */
function Satisfies(
  name: string,
  check: (value: string, object: object) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: {
        validate: (value: unknown, args) =>
          typeof value === 'string' && check(value, args?.object ?? {}),
      },
    });
}

/** Replaces a string by its canonical form when it has one; anything else is left to fail. */
const canonicalised = (canonical: (written: string) => string | undefined) =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (canonical(value.trim()) ?? value) : value,
  );

export class QuietHoursDto {
  @ApiProperty({ example: '21:00', description: 'From this local time (HH:mm, 24-hour clock).' })
  @IsString()
  @Matches(LOCAL_TIME, { message: '$property must be a time HH:mm such as 21:00' })
  start!: string;

  @ApiProperty({
    example: '08:00',
    description: 'Until this local time; before `start` means the quiet hours span midnight.',
  })
  @IsString()
  @Matches(LOCAL_TIME, { message: '$property must be a time HH:mm such as 08:00' })
  @Satisfies(
    'differsFromStart',
    (end, hours) => end !== (hours as QuietHoursDto).start,
    '$property must differ from start: quiet hours of no length are none',
  )
  end!: string;
}

export class ConsentDto {
  @ApiProperty({ example: true, description: 'The person agreed to be written to by e-mail.' })
  @IsBoolean()
  byEmail!: boolean;

  @ApiProperty({ example: true, description: 'The person agreed to be texted.' })
  @IsBoolean()
  bySms!: boolean;
}

/** The whole record of one person: what is absent here is not kept any more. */
export class RecordContactPreferencesDto {
  @ApiPropertyOptional({
    format: 'uuid',
    example: EXAMPLE_PATIENT,
    description:
      "The patient whose key seals the contact points: by default the person themself; a caregiver's or interpreter's record names the patient they are reached for.",
  })
  @IsAbsentOr()
  @IsUUID()
  patientId?: string;

  @ApiPropertyOptional({
    example: 'ana.lopez@example.org',
    maxLength: 254,
    description: 'E-mail address. PHI: kept only sealed.',
  })
  @IsAbsentOr()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: '$property must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({
    example: '+12015550123',
    description:
      'Mobile number in E.164; spaces, dashes, dots and brackets are dropped (`+1 (201) 555-0123` is kept as `+12015550123`). PHI: kept only sealed.',
  })
  @IsAbsentOr()
  @canonicalised(normalisedE164)
  @IsString()
  @Matches(/^\+[1-9]\d{6,14}$/, {
    message: '$property must be a mobile number in E.164 such as +12015550123',
  })
  mobile?: string;

  @ApiPropertyOptional({
    example: 'es-MX',
    maxLength: 35,
    description:
      'The language to write in, a BCP 47 tag, kept in canonical case (`ES-mx` → `es-MX`). PHI: kept only sealed. Absent: the preferred language of the patient profile in scheduling, for a patient.',
  })
  @IsAbsentOr()
  @IsString()
  @MaxLength(35)
  @canonicalised(canonicalLanguage)
  @Satisfies(
    'isLanguageTag',
    (value) => canonicalLanguage(value) === value,
    '$property must be a BCP 47 language tag such as es-MX',
  )
  preferredLanguage?: string;

  @ApiProperty({
    example: 'America/New_York',
    description:
      'IANA time zone the person lives in: quiet hours are read in it, and times are written in it.',
  })
  @canonicalised(canonicalTimeZone)
  @IsString()
  @Satisfies(
    'isIanaTimeZone',
    (value) => canonicalTimeZone(value) === value,
    '$property must be an IANA time zone such as America/New_York',
  )
  timeZone!: string;

  @ApiPropertyOptional({
    type: QuietHoursDto,
    description:
      'No message that can wait is sent between start and end, local time. Urgent ones (a join link, the provider running late) still are.',
  })
  @IsAbsentOr()
  @IsObject()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto;

  @ApiProperty({
    type: ConsentDto,
    description:
      'Whether the person agreed to each channel. Consent given on a channel the person opted out of (a STOP reply, an unsubscribe link) is their opting in again: state it only when they said so. A STOP reply also blocks the number at the SMS gateway until the person texts START.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent!: ConsentDto;
}

export const RECORD_CONTACT_PREFERENCES_EXAMPLE = {
  email: 'ana.lopez@example.org',
  mobile: '+12015550123',
  preferredLanguage: 'es-MX',
  timeZone: 'America/New_York',
  quietHours: { start: '21:00', end: '08:00' },
  consent: { byEmail: true, bySms: true },
} satisfies Omit<RecordContactPreferencesDto, 'quietHours' | 'consent'> & {
  quietHours: QuietHoursDto;
  consent: ConsentDto;
};
