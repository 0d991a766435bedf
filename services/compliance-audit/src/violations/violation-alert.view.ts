import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VIOLATION_STATUSES } from './domain/violation-review.state';
import { AlertDocument } from './violation-alerts.projection';

class ActorView {
  @ApiProperty({ enum: ['user'] }) kind!: string;
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional() role?: string;
}

class ReviewStepView {
  @ApiProperty() at!: string;
  @ApiProperty({ type: ActorView }) by!: ActorView;
  @ApiProperty({ format: 'uuid' }) noteId!: string;
  @ApiPropertyOptional({ description: "The officer's note" }) note?: string;
}

/** One violation as auditors see it in the list and after each review step. */
export class ViolationAlert {
  @ApiProperty({ format: 'uuid' }) violationId!: string;
  @ApiProperty() rule!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) severity!: string;
  @ApiPropertyOptional({ format: 'uuid' }) patientId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) actorId?: string;
  @ApiPropertyOptional({
    description:
      'The staff member the finding is about, as the directory names them; absent when the directory does not list them',
    example: 'Dr. Adaeze Okafor',
  })
  actorName?: string;
  @ApiProperty({ type: [String], description: 'Event ids of the audit entries that show it' })
  evidenceEventIds!: string[];
  @ApiProperty() detectedAt!: string;
  @ApiProperty({ enum: VIOLATION_STATUSES }) status!: string;
  @ApiPropertyOptional({ type: ReviewStepView }) acknowledgement?: ReviewStepView;
  @ApiPropertyOptional({ type: ReviewStepView }) resolution?: ReviewStepView;
  @ApiPropertyOptional({
    type: [String],
    description:
      "The clinics it belongs to: those of the patient's visits, or for a finding about no patient, the staff member's",
  })
  clinicIds?: string[];
}

/** The alert as auditors read it; `actorName` when the directory names its staff member. */
export function toAlertView(document: AlertDocument, actorName?: string): ViolationAlert {
  const { _id, version: _, ...alert } = document;
  return {
    ...alert,
    ...(actorName ? { actorName } : {}),
    evidenceEventIds: [...alert.evidenceEventIds],
    ...(alert.clinicIds ? { clinicIds: [...alert.clinicIds] } : {}),
  } as ViolationAlert;
}

/** The patient a violation concerns, for the PHI-read record of a response that names it. */
export const patientsOf = (alerts: readonly ViolationAlert[]): string[] =>
  alerts.flatMap((alert) => (alert.patientId ? [alert.patientId] : []));
