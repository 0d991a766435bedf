import { IsAbsentOr } from '../shared/is-absent-or';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

/** The shape of a join link's token (a signed JWT); this one is not signed by any service. */
const JOIN_TOKEN_EXAMPLE =
  'eyJhbGciOiJIUzI1NiJ9.eyJsaWQiOiI3OTQ3ZDVkYy1jNWM1LTQ2OWQtYjBhYy05YjI0NWM3NGVjN2EifQ.c2lnbmF0dXJlLW9mLXRoZS1zZXJ2aWNl';

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

  @ApiPropertyOptional({ enum: ['video', 'audio'], default: 'video' })
  @IsAbsentOr()
  @IsIn(['video', 'audio'])
  media?: 'video' | 'audio';

  @ApiPropertyOptional({ enum: ['browser', 'app', 'dial-in'], default: 'browser' })
  @IsAbsentOr()
  @IsIn(['browser', 'app', 'dial-in'])
  connection?: 'browser' | 'app' | 'dial-in';
}

export class RoomResponse {
  @ApiProperty() url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class JoinVisitResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ enum: ['waiting', 'in-visit'] }) status!: 'waiting' | 'in-visit';
  @ApiProperty({ enum: ['patient', 'provider', 'interpreter', 'caregiver'] }) role!: string;
  @ApiPropertyOptional({ description: 'Place in the waiting room, 1 = next.' }) position?: number;
  @ApiPropertyOptional({ type: RoomResponse }) room?: RoomResponse;
}

export const JOIN_VISIT_EXAMPLE = {
  token: JOIN_TOKEN_EXAMPLE,
  media: 'video',
  connection: 'browser',
} satisfies JoinVisitDto;
