import { ApiProperty } from '@nestjs/swagger';
import type { Aggregate } from '@thc/event-store';
import type { StaffTrainingState } from './domain/staff-training.state';
import type { StaffStatusDocument } from './infrastructure/staff-status.projection';

/** A staff member's training record: credential, assignments, certifications. */
export class StaffStatusView {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ description: 'Stream version the view reflects' }) version!: number;
  @ApiProperty({ description: 'none | current (with validUntil) | lapsed' })
  credential!: Record<string, unknown>;
  @ApiProperty({ type: [Object] }) assignments!: readonly object[];
  @ApiProperty({ type: [Object] }) certifications!: readonly object[];
}

export function viewOfState(
  staffId: string,
  { state, version }: Aggregate<StaffTrainingState>,
): StaffStatusView | undefined {
  if (state.status !== 'enrolled') return undefined;
  return {
    staffId,
    role: state.role,
    teamId: state.teamId,
    version,
    credential: { ...state.credential },
    assignments: state.assignments,
    certifications: state.certifications.map(({ warnedLeadDays: _, ...c }) => c),
  };
}

export function viewOfDocument(document: StaffStatusDocument): StaffStatusView {
  return {
    staffId: document._id,
    role: document.role,
    teamId: document.teamId,
    version: document.version,
    credential: { ...document.credential },
    assignments: document.assignments,
    certifications: document.certifications.map(({ warnedLeadDays: _, ...c }) => c),
  };
}
