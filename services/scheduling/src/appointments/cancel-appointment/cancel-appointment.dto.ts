import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsAbsentOr } from '@thc/service-runtime';

export const CANCEL_REASON_CODES = [
  'patient-request',
  'provider-unavailable',
  'technical',
  'duplicate',
  'other',
] as const;

export class CancelAppointmentDto {
  @ApiProperty({ enum: CANCEL_REASON_CODES })
  @IsIn(CANCEL_REASON_CODES)
  reasonCode!: (typeof CANCEL_REASON_CODES)[number];

  @ApiPropertyOptional({ description: 'Free text (PHI): stored sealed, or not at all' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;
}

export const CANCEL_APPOINTMENT_EXAMPLE = {
  reasonCode: 'patient-request',
  reason: 'Feeling better, no longer needs the visit',
} satisfies CancelAppointmentDto;
