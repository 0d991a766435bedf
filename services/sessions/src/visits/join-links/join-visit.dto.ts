import { RoomResponse } from '../room.response';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IsAbsentOr } from '@thc/service-runtime';

/** The shape of a join link's token (a signed JWT); this one is not signed by any service. */
const JOIN_TOKEN_EXAMPLE =
  'eyJhbGciOiJIUzI1NiJ9.eyJsaWQiOiI3OTQ3ZDVkYy1jNWM1LTQ2OWQtYjBhYy05YjI0NWM3NGVjN2EifQ.c2lnbmF0dXJlLW9mLXRoZS1zZXJ2aWNl';

/** The shape of a device token: 32 random bytes, base64url. */
const DEVICE_TOKEN_EXAMPLE = 'q3N5ZGV2aWNlLXRva2VuLWV4YW1wbGUtMDEyMzQ1Njc';

export class JoinVisitDto {
  @ApiProperty({
    description: 'The token of the join link (the part after #).',
    example: JOIN_TOKEN_EXAMPLE,
  })
  @IsString()
  @MaxLength(2048)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, {
    message: 'token must be a join link token',
  })
  token!: string;

  @ApiPropertyOptional({
    description:
      'The device token an earlier exchange of this link returned, kept by the device (session storage). Without it, the link is refused (409) while its participant is in the visit on another device.',
    example: DEVICE_TOKEN_EXAMPLE,
  })
  @IsAbsentOr()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'deviceToken must be a device token' })
  deviceToken?: string;

  @ApiPropertyOptional({ enum: ['video', 'audio'], default: 'video' })
  @IsAbsentOr()
  @IsIn(['video', 'audio'])
  media?: 'video' | 'audio';

  @ApiPropertyOptional({ enum: ['browser', 'app', 'dial-in'], default: 'browser' })
  @IsAbsentOr()
  @IsIn(['browser', 'app', 'dial-in'])
  connection?: 'browser' | 'app' | 'dial-in';
}

export class JoinVisitResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ enum: ['waiting', 'in-visit'] }) status!: 'waiting' | 'in-visit';
  @ApiProperty({ enum: ['patient', 'provider', 'interpreter', 'caregiver'] }) role!: string;
  @ApiPropertyOptional({ description: 'Place in the waiting room, 1 = next.' }) position?: number;
  @ApiPropertyOptional({ type: RoomResponse }) room?: RoomResponse;
  @ApiPropertyOptional({
    description:
      'The device token this link is bound to: keep it on this device and send it with every later exchange of the link.',
  })
  deviceToken?: string;
}

export const JOIN_VISIT_EXAMPLE = {
  token: JOIN_TOKEN_EXAMPLE,
  deviceToken: DEVICE_TOKEN_EXAMPLE,
  media: 'video',
  connection: 'browser',
} satisfies JoinVisitDto;
