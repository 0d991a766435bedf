import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Session } from './domain/session.state';

class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ enum: ['patient', 'provider', 'interpreter', 'caregiver'] }) role!: string;
  @ApiProperty() present!: boolean;
  @ApiProperty() drops!: number;
  @ApiProperty() audioOnly!: boolean;
}

class IssueSummary {
  @ApiProperty({ format: 'uuid' }) issueId!: string;
  @ApiProperty() category!: string;
  @ApiProperty() open!: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) assignedTo?: string;
}

/** A session as the API shows it (ids only; names live in the EHR). */
export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
  @ApiProperty({ enum: ['scheduled', 'in-progress', 'ended'] }) status!: string;
  @ApiProperty({ enum: ['video', 'audio'] }) visitType!: string;
  @ApiProperty({ format: 'date-time' }) scheduledStart!: string;
  @ApiProperty({ format: 'date-time' }) scheduledEnd!: string;
  @ApiPropertyOptional({ format: 'date-time' }) arrivedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) admittedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) endedAt?: string;
  @ApiPropertyOptional() outcome?: string;
  @ApiProperty({ type: [ParticipantResponse] }) participants!: ParticipantResponse[];
  @ApiProperty({ type: [IssueSummary] }) issues!: IssueSummary[];
  @ApiProperty() surveyed!: boolean;
  @ApiProperty() version!: number;
}

export function toResponse(session: Session, version: number): SessionResponse {
  const optional = (['arrivedAt', 'admittedAt', 'startedAt', 'endedAt', 'outcome'] as const)
    .filter((key) => session[key] !== undefined)
    .reduce((fields, key) => ({ ...fields, [key]: session[key] }), {});
  return {
    sessionId: session.sessionId,
    appointmentId: session.appointmentId,
    patientId: session.patientId,
    providerId: session.providerId,
    clinicId: session.clinicId,
    status: session.status,
    visitType: session.visitType,
    scheduledStart: session.scheduledStart,
    scheduledEnd: session.scheduledEnd,
    ...optional,
    participants: session.participants.map((p) => {
      const presence = session.presence[p.participantId];
      return {
        participantId: p.participantId,
        role: p.role,
        present: presence?.present ?? false,
        drops: presence?.drops ?? 0,
        audioOnly: presence?.audioOnly ?? false,
      };
    }),
    issues: session.issues.map((issue) => ({ ...issue })),
    surveyed: session.surveyed,
    version,
  };
}
