import { ApiProperty } from '@nestjs/swagger';
import type { StaffStatusDocument } from '../infrastructure/staff-status.projection';

export class TeamMemberCompliance {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ description: 'Credential current at the time of the query' }) current!: boolean;
  @ApiProperty({ required: false }) validUntil?: string;
  @ApiProperty() openAssignments!: number;
  @ApiProperty() overdueAssignments!: number;
}

export class TeamComplianceView {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ description: 'Enrolled staff: all of them need a credential' }) staff!: number;
  @ApiProperty() credentialed!: number;
  @ApiProperty({ description: 'credentialed / staff, in percent; 100 for an empty team' })
  compliancePercent!: number;
  @ApiProperty({ type: [TeamMemberCompliance] }) members!: TeamMemberCompliance[];
}

/**
 * A team's compliance at `now`. A credential counts as current only while `validUntil` is
 * ahead, so the figure is right between an expiry and the check that records it.
 */
export function teamCompliance(
  teamId: string,
  documents: readonly StaffStatusDocument[],
  now: Date,
): TeamComplianceView {
  const members = documents.map((d): TeamMemberCompliance => {
    const current =
      d.credential.status === 'current' && Date.parse(d.credential.validUntil) > now.getTime();
    const open = d.assignments.filter((a) => a.status === 'open');
    return {
      staffId: d._id,
      role: d.role,
      current,
      ...(d.credential.status === 'current' ? { validUntil: d.credential.validUntil } : {}),
      openAssignments: open.length,
      overdueAssignments: open.filter((a) => a.overdue || Date.parse(a.dueAt) <= now.getTime())
        .length,
    };
  });
  const credentialed = members.filter((m) => m.current).length;
  return {
    teamId,
    asOf: now.toISOString(),
    staff: members.length,
    credentialed,
    compliancePercent:
      members.length === 0 ? 100 : Math.round((1000 * credentialed) / members.length) / 10,
    members,
  };
}
