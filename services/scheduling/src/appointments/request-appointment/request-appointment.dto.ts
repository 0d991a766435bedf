import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsAbsentOr, IsZonedDateTime } from '@thc/service-runtime';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsIanaTimeZone } from '../../dto-validators';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { VisitRequestDto } from '../../visit-request.dto';

/** An appointment asked for without a slot yet: the visit, and when the patient can attend. */
export class RequestAppointmentDto extends VisitRequestDto {
  @ApiProperty({
    description: 'Earliest time the patient can attend',
    example: '2026-03-09T08:00:00-05:00',
  })
  @IsZonedDateTime()
  earliest!: string;

  @ApiProperty({
    description: 'Latest time the patient can attend',
    example: '2026-03-13T17:00:00-05:00',
  })
  @IsZonedDateTime()
  latest!: string;

  @ApiProperty({ description: "The patient's IANA time zone", example: 'America/Chicago' })
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ description: 'Free text (PHI): stored sealed, or not at all' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;
}

export const REQUEST_APPOINTMENT_EXAMPLE = {
  patientId: EXAMPLE_ID.patientId,
  clinicId: EXAMPLE_ID.clinicId,
  providerId: EXAMPLE_ID.providerId,
  visitType: 'video',
  earliest: '2026-03-09T08:00:00-05:00',
  latest: '2026-03-13T17:00:00-05:00',
  timeZone: 'America/Chicago',
  reason: 'Follow-up on blood pressure medication',
} satisfies RequestAppointmentDto;
