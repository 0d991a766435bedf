import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CONTACT_CHANNELS, ContactChannel } from '../domain/contact-preferences.events';

export class OptOutDto {
  @ApiProperty({ enum: CONTACT_CHANNELS, example: 'sms', description: 'The channel to leave.' })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;
}

export const OPT_OUT_EXAMPLE = { channel: 'sms' } satisfies OptOutDto;

export class OptedOutAnswer {
  @ApiProperty({ format: 'uuid', example: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02' })
  personId!: string;

  @ApiProperty({ enum: CONTACT_CHANNELS, example: 'sms' })
  channel!: ContactChannel;

  @ApiProperty({ example: 3, description: "The record's stream version after the request." })
  version!: number;

  @ApiProperty({ example: true, description: 'False when the person had already left it.' })
  changed!: boolean;
}
