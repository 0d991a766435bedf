import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SlotDto } from '../book-appointment/book-appointment.dto';
import { IsAbsentOr } from '../shared/dto-validators';

export class RescheduleAppointmentDto extends SlotDto {
  @ApiPropertyOptional({ description: 'Free text (PHI): stored sealed, or not at all' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;
}
