import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConsentDto, QuietHoursDto } from './contact-preferences.dto';

const EXAMPLE_PERSON = '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02';

export class ContactPreferencesRecordedAnswer {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_PERSON })
  personId!: string;

  @ApiProperty({ example: 1, description: "The record's stream version after the request." })
  version!: number;

  @ApiProperty({ example: true, description: 'False when the same record was already kept.' })
  changed!: boolean;
}

export class OptedOutChannels {
  @ApiProperty({ example: false })
  email!: boolean;

  @ApiProperty({
    example: true,
    description: 'True after a STOP reply, until consent is given again.',
  })
  sms!: boolean;
}

export class ContactPreferencesResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_PERSON })
  personId!: string;

  @ApiProperty({ format: 'uuid', example: EXAMPLE_PERSON, description: 'Whose key seals them.' })
  patientId!: string;

  @ApiPropertyOptional({ example: 'ana.lopez@example.org' })
  email?: string;

  @ApiPropertyOptional({ example: '+12015550123', description: 'E.164.' })
  mobile?: string;

  @ApiPropertyOptional({ example: 'es-MX', description: "The person's own language, BCP 47." })
  preferredLanguage?: string;

  @ApiProperty({ example: 'America/New_York' })
  timeZone!: string;

  @ApiPropertyOptional({ type: QuietHoursDto })
  quietHours?: QuietHoursDto;

  @ApiProperty({ type: ConsentDto, description: 'As last stated.' })
  consent!: ConsentDto;

  @ApiProperty({
    type: OptedOutChannels,
    description: 'Channels the person left since; nothing is sent on them whatever the consent.',
  })
  optedOut!: OptedOutChannels;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T14:00:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ example: 2 })
  version!: number;
}
