import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsAbsentOr } from '@thc/service-runtime';

/**
 * What a patient asks for when they ask for a visit they do not hold yet (an appointment
 * request, a place on the waitlist): who, in which clinic, with whom, and how.
 */
export class VisitRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  patientId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clinicId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The provider; absent: any of the clinic' })
  @IsAbsentOr()
  @IsUUID()
  providerId?: string;

  @ApiProperty({ enum: ['video', 'audio'] })
  @IsIn(['video', 'audio'])
  visitType!: 'video' | 'audio';
}
