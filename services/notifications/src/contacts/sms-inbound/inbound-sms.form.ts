import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/**
 * The fields of Twilio's incoming-message webhook this service reads. Twilio sends more
 * (AccountSid, NumMedia, FromCity…) and may add any: the route takes the form whole, since the
 * signature covers every field, and reads only these.
 */
export class InboundSmsForm {
  @ApiProperty({ example: '+12015550123', description: 'The sender, E.164.' })
  @IsString()
  From!: string;

  @ApiProperty({ example: 'STOP', description: 'The text.' })
  @IsString()
  Body!: string;

  @ApiPropertyOptional({ example: '+12015550199', description: "The service's number." })
  @IsOptional()
  @IsString()
  To?: string;

  @ApiPropertyOptional({ example: 'SM0123456789abcdef0123456789abcdef' })
  @IsOptional()
  @IsString()
  MessageSid?: string;
}

export const INBOUND_SMS_EXAMPLE = {
  From: '+12015550123',
  Body: 'STOP',
  To: '+12015550199',
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
} satisfies InboundSmsForm;
