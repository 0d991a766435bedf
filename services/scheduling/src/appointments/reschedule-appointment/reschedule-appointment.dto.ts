import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SLOT_EXAMPLE, SlotDto } from '../slot.dto';
import { PatientLocationDto } from '../patient-location.dto';
import { IsAbsentOr } from '@thc/service-runtime';

export class RescheduleAppointmentDto extends SlotDto {
  @ApiPropertyOptional({
    type: PatientLocationDto,
    description:
      'Where the patient will be during the moved visit, when it changed; absent: where they said at booking. Either way the provider of the new slot must be licensed there.',
  })
  @IsAbsentOr()
  @ValidateNested()
  @Type(() => PatientLocationDto)
  patientLocation?: PatientLocationDto;

  @ApiPropertyOptional({ description: 'Free text (PHI): stored sealed, or not at all' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;
}

export const RESCHEDULE_APPOINTMENT_EXAMPLE = {
  ...SLOT_EXAMPLE,
  start: '2026-03-10T14:00:00-04:00',
  end: '2026-03-10T14:30:00-04:00',
  patientLocation: { state: 'NY' },
  reason: 'Patient has a work meeting on Monday morning',
} satisfies RescheduleAppointmentDto;
