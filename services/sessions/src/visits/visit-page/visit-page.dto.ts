import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RoomResponse } from '../room.response';
import type { VisitState } from './visit-state';

const STATES = ['scheduled', 'waiting', 'provider-joining', 'admitted', 'ended'] as const;
const ROLES = ['patient', 'provider', 'interpreter', 'caregiver'] as const;

/** What the visit page shows of the holder's visit. */
export class VisitResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: ROLES }) role!: (typeof ROLES)[number];
  @ApiProperty({
    enum: STATES,
    description:
      'scheduled: the link works, not yet in the waiting room; waiting: arrived, the provider not there; provider-joining: arrived, the provider is in the room or started the visit; admitted: in the visit; ended.',
  })
  state!: VisitState;
  @ApiPropertyOptional({ description: 'Place in the waiting room, 1 = next (while waiting).' })
  position?: number;
  @ApiProperty({ format: 'date-time' }) scheduledStart!: string;
  @ApiProperty({ format: 'date-time' }) scheduledEnd!: string;
  @ApiPropertyOptional({
    example: 'America/New_York',
    description: "The clinic's IANA time zone; absent until the directory has recorded the clinic.",
  })
  timeZone?: string;
  @ApiPropertyOptional({ description: 'Absent until the directory has recorded the clinic.' })
  clinicName?: string;
  @ApiPropertyOptional({
    example: 'Dr. Adaeze Okafor',
    description: 'Absent until the directory has recorded the provider.',
  })
  providerName?: string;
  @ApiProperty({ description: 'The holder continues without video.' }) audioOnly!: boolean;
  @ApiProperty({ description: 'The post-visit survey of the visit was answered.' })
  surveyed!: boolean;
  @ApiProperty({
    description:
      "The patient's telehealth consent is on record (always true for the other participants).",
  })
  consentOnRecord!: boolean;
}

/** One `status` event of the visit's live stream. */
export class VisitStatusResponse {
  @ApiProperty({ enum: STATES }) state!: VisitState;
  @ApiPropertyOptional({ description: 'Place in the waiting room, 1 = next (while waiting).' })
  position?: number;
  @ApiPropertyOptional({ type: RoomResponse, description: 'The video room, once admitted.' })
  room?: RoomResponse;
}
