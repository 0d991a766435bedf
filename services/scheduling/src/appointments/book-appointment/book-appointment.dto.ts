import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';
import { Type } from 'class-transformer';
import { IsIn, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { IsAbsentOr, IsIanaTimeZone } from '../shared/dto-validators';

export class InterpreterDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId!: string;

  @ApiProperty({ description: 'BCP 47 language tag the interpreter works in', example: 'es' })
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, { message: 'language must be a BCP 47 tag' })
  language!: string;
}

/** Where the visit's reminders go. PHI: stored sealed under the patient's key, never logged. */
export class ReminderContactDto {
  @ApiProperty({ enum: ['sms', 'email', 'voice'] })
  @IsIn(['sms', 'email', 'voice'])
  channel!: 'sms' | 'email' | 'voice';

  @ApiProperty({ description: 'E.164 phone number, or e-mail address', example: '+15555550100' })
  @IsString()
  @MaxLength(320)
  @Matches(/^(\+[1-9][0-9]{6,14}|[^\s@]{1,64}@[^\s@]{1,255})$/, {
    message: 'address must be an E.164 phone number or an e-mail address',
  })
  address!: string;
}

/** A slot with a provider: times with their offset, the provider's zone for display. */
export class SlotDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  providerId!: string;

  @ApiProperty({ example: '2026-03-09T09:00:00-04:00' })
  @IsZonedDateTime()
  start!: string;

  @ApiProperty({ example: '2026-03-09T09:30:00-04:00' })
  @IsZonedDateTime()
  end!: string;

  @ApiProperty({ example: 'America/New_York', description: "The provider's IANA time zone" })
  @IsIanaTimeZone()
  timeZone!: string;
}

export class BookAppointmentDto extends SlotDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  patientId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clinicId!: string;

  @ApiProperty({ enum: ['video', 'audio'] })
  @IsIn(['video', 'audio'])
  visitType!: 'video' | 'audio';

  @ApiPropertyOptional({ type: InterpreterDto })
  @IsAbsentOr()
  @ValidateNested()
  @Type(() => InterpreterDto)
  interpreter?: InterpreterDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'A caregiver who joins the visit' })
  @IsAbsentOr()
  @IsUUID()
  caregiverId?: string;

  @ApiPropertyOptional({
    type: ReminderContactDto,
    description: 'Send reminders before the visit (offsets configured by the service)',
  })
  @IsAbsentOr()
  @ValidateNested()
  @Type(() => ReminderContactDto)
  reminderContact?: ReminderContactDto;
}

/** Books a requested appointment: the slot, and optionally who else joins. */
export class BookRequestedAppointmentDto extends SlotDto {
  @ApiPropertyOptional({ type: InterpreterDto })
  @IsAbsentOr()
  @ValidateNested()
  @Type(() => InterpreterDto)
  interpreter?: InterpreterDto;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsAbsentOr()
  @IsUUID()
  caregiverId?: string;
}

/** A slot of the documentation's example provider, one Monday morning in New York. */
export const SLOT_EXAMPLE = {
  providerId: EXAMPLE_ID.providerId,
  start: '2026-03-09T09:00:00-04:00',
  end: '2026-03-09T09:30:00-04:00',
  timeZone: 'America/New_York',
} satisfies SlotDto;

export const BOOK_APPOINTMENT_EXAMPLE = {
  patientId: EXAMPLE_ID.patientId,
  clinicId: EXAMPLE_ID.clinicId,
  visitType: 'video',
  ...SLOT_EXAMPLE,
  interpreter: { participantId: EXAMPLE_ID.interpreterId, language: 'es' },
  reminderContact: { channel: 'sms', address: '+15555550100' },
} satisfies BookAppointmentDto;

export const BOOK_REQUESTED_APPOINTMENT_EXAMPLE = {
  ...SLOT_EXAMPLE,
  caregiverId: EXAMPLE_ID.caregiverId,
} satisfies BookRequestedAppointmentDto;
