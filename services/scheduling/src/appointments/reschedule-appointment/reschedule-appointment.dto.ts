import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SLOT_EXAMPLE, SlotDto } from '../book-appointment/book-appointment.dto';
import { IsAbsentOr } from '../shared/dto-validators';

export class RescheduleAppointmentDto extends SlotDto {
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
  reason: 'Patient has a work meeting on Monday morning',
} satisfies RescheduleAppointmentDto;
