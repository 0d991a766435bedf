import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Scheduled } from './domain/appointment.state';

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: ['patient', 'provider', 'interpreter', 'caregiver'] }) role!: string;
  @ApiPropertyOptional({ description: "The interpreter's language" }) language?: string;
}

export class PatientLocationResponse {
  @ApiProperty({ description: 'USPS state or territory code', example: 'NY' }) state!: string;
}

export class InterpreterOnDemandResponse {
  @ApiPropertyOptional({ description: 'The language of the interpreter to be drawn' })
  language?: string;
}

export class HeldSlotResponse {
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ description: 'When the appointment moved away from this slot' }) until!: string;
}

/** An appointment as the API returns it; `status` is the FHIR Appointment status code. */
export class AppointmentResponse {
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ enum: ['booked', 'arrived', 'fulfilled', 'cancelled', 'noshow'] }) status!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
  @ApiProperty({ enum: ['video', 'audio'] }) visitType!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [ParticipantResponse] }) participants!: ParticipantResponse[];
  @ApiPropertyOptional({
    type: PatientLocationResponse,
    description: 'Where the patient said they will be during the visit (licensure follows it)',
  })
  patientLocation?: PatientLocationResponse;
  @ApiPropertyOptional({
    type: InterpreterOnDemandResponse,
    description: 'An interpreter to be drawn from the pool at visit time (nobody is held now)',
  })
  interpreterOnDemand?: InterpreterOnDemandResponse;
  @ApiProperty() bookedAt!: string;
  @ApiProperty({ type: [HeldSlotResponse], description: 'Earlier slots, oldest first' })
  history!: HeldSlotResponse[];
  @ApiPropertyOptional({ description: 'Coded reason only; free text is sealed PHI' })
  cancellation?: { reasonCode: string; late: boolean; at: string };
  @ApiPropertyOptional({ format: 'uuid' }) sessionId?: string;
  @ApiPropertyOptional({ enum: ['patient', 'provider'] }) noShow?: string;
  @ApiProperty({ description: 'Events in the appointment stream' }) version!: number;
}

export function toResponse(
  state: Scheduled,
  version: number,
  interpreterLanguage?: string,
): AppointmentResponse {
  return {
    appointmentId: state.appointmentId,
    status: state.status,
    patientId: state.patientId,
    providerId: state.providerId,
    clinicId: state.clinicId,
    visitType: state.visitType,
    start: state.start,
    end: state.end,
    timeZone: state.timeZone,
    participants: state.participants.map((p) =>
      p.role === 'interpreter' && interpreterLanguage
        ? { ...p, language: interpreterLanguage }
        : { ...p },
    ),
    ...(state.patientLocation ? { patientLocation: { state: state.patientLocation.state } } : {}),
    // A list's view may still carry a request whose interpreter has since been drawn.
    ...(state.interpreterRequest && !state.participants.some((p) => p.role === 'interpreter')
      ? { interpreterOnDemand: interpreterLanguage ? { language: interpreterLanguage } : {} }
      : {}),
    bookedAt: state.bookedAt,
    history: state.previousSlots.map((slot) => ({ ...slot })),
    ...(state.cancellation ? { cancellation: { ...state.cancellation } } : {}),
    ...(state.sessionId ? { sessionId: state.sessionId } : {}),
    ...(state.noShow ? { noShow: state.noShow } : {}),
    version,
  };
}
