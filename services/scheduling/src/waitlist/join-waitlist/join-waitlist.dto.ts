import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIanaTimeZone } from '../../dto-validators';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { VisitRequestDto } from '../../visit-request.dto';

export class JoinWaitlistDto extends VisitRequestDto {
  @ApiProperty({
    example: '2026-03-20T09:00:00-04:00',
    description: 'Only slots starting before this are offered (usually the current booking)',
  })
  @IsZonedDateTime()
  earlierThan!: string;

  @ApiProperty({ example: 'America/New_York' })
  @IsIanaTimeZone()
  timeZone!: string;
}

export const JOIN_WAITLIST_EXAMPLE = {
  patientId: EXAMPLE_ID.patientId,
  clinicId: EXAMPLE_ID.clinicId,
  providerId: EXAMPLE_ID.providerId,
  visitType: 'video',
  earlierThan: '2026-03-20T09:00:00-04:00',
  timeZone: 'America/New_York',
} satisfies JoinWaitlistDto;
