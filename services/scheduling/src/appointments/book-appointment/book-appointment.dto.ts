import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { PatientLocationDto } from '../patient-location.dto';
import { SLOT_EXAMPLE, SlotDto } from '../slot.dto';
import { IsAbsentOr } from '@thc/service-runtime';

/**
 * An interpreter for the visit: one who speaks the language is held (that one, with a
 * `participantId`; else the first free of the directory's pool), or, on demand, none now and
 * one is drawn from the pool at visit time.
 */
export class InterpreterDto {
  @ApiProperty({ description: 'BCP 47 language tag the interpreter works in', example: 'es' })
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, { message: 'language must be a BCP 47 tag' })
  language!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A particular interpreter (a directory staff member who interprets the language); absent: the first free interpreter of the pool',
  })
  @IsAbsentOr()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({
    description:
      'true: hold nobody now, an interpreter of the language is drawn from the pool when the visit starts (default false)',
  })
  @IsAbsentOr()
  @IsBoolean()
  onDemand?: boolean;
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

/** A slot, and where the patient says they will be during it. */
export class LocatedSlotDto extends SlotDto {
  @ApiProperty({
    type: PatientLocationDto,
    description:
      'Where the patient says they will be during the visit: the provider must hold a licence of this state active through the visit',
  })
  @IsDefined({ message: 'patientLocation is required: the state where the patient will be' })
  @ValidateNested()
  @Type(() => PatientLocationDto)
  patientLocation!: PatientLocationDto;
}

export class BookAppointmentDto extends LocatedSlotDto {
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
export class BookRequestedAppointmentDto extends LocatedSlotDto {
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

export const BOOK_APPOINTMENT_EXAMPLE = {
  patientId: EXAMPLE_ID.patientId,
  clinicId: EXAMPLE_ID.clinicId,
  visitType: 'video',
  ...SLOT_EXAMPLE,
  patientLocation: { state: 'NY' },
  interpreter: { participantId: EXAMPLE_ID.interpreterId, language: 'es' },
  reminderContact: { channel: 'sms', address: '+15555550100' },
} satisfies BookAppointmentDto;

export const BOOK_REQUESTED_APPOINTMENT_EXAMPLE = {
  ...SLOT_EXAMPLE,
  patientLocation: { state: 'NY' },
  caregiverId: EXAMPLE_ID.caregiverId,
} satisfies BookRequestedAppointmentDto;
