import { IsAbsentOr } from '../shared/is-absent-or';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

export class JoinVisitDto {
  @ApiProperty({ description: 'The token of the join link (the part after #).' })
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
