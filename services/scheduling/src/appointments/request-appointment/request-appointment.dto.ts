import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsAbsentOr, IsIanaTimeZone } from '../shared/dto-validators';

export class RequestAppointmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  patientId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clinicId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Preferred provider' })
  @IsAbsentOr()
  @IsUUID()
  providerId?: string;

  @ApiProperty({ enum: ['video', 'audio'] })
  @IsIn(['video', 'audio'])
  visitType!: 'video' | 'audio';

  @ApiProperty({ description: 'Earliest time the patient can attend' })
  @IsZonedDateTime()
  earliest!: string;

  @ApiProperty({ description: 'Latest time the patient can attend' })
  @IsZonedDateTime()
  latest!: string;

  @ApiProperty({ description: "The patient's IANA time zone" })
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ description: 'Free text (PHI): stored sealed, or not at all' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;
}
