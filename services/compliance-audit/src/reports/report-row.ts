import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditEntry } from '../audit-trail/domain/audit-entry';

/** One audit entry as reports show it (no event data: ids, codes and times only). */
export class ReportRow {
  @ApiProperty() seq!: number;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ enum: ['C', 'R', 'U', 'D', 'E'] }) action!: string;
  @ApiPropertyOptional({ format: 'uuid' }) actorId?: string;
  @ApiPropertyOptional({
    description:
      'The staff member who acted, as the directory names them ("Dr. Adaeze Okafor"); absent for a patient or someone the directory does not list',
    example: 'Dr. Adaeze Okafor',
  })
  actorName?: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional({ format: 'uuid' }) patientId?: string;
  @ApiProperty() resourceType!: string;
  @ApiPropertyOptional() resourceId?: string;
  @ApiPropertyOptional() purpose?: string;
  @ApiProperty() service!: string;
  @ApiProperty({ enum: ['0', '4', '8', '12'] }) outcome!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiPropertyOptional() traceId?: string;
  @ApiPropertyOptional() correlationId?: string;
  @ApiProperty() hash!: string;
  @ApiPropertyOptional({
    description: 'On a disclosure outside the health system: the receiving organization',
  })
  recipient?: string;
  @ApiPropertyOptional({
    description: 'On a disclosure outside the health system: the FHIR resource types disclosed',
    example: 'Appointment Encounter',
  })
  disclosed?: string;
  @ApiPropertyOptional({
    description:
      'On a disclosure outside the health system: when the data left (`occurredAt` is when it was recorded)',
  })
  disclosedAt?: string;
}

export class ReportPage {
  @ApiProperty({ type: [ReportRow] }) items!: ReportRow[];
  @ApiPropertyOptional({ description: 'Cursor of the next page; absent on the last page' })
  next?: number;
}

const DISCLOSURE_RECORDED = 'thc.compliance.DisclosureRecorded.v1';

/** What a disclosure outside the health system adds to its row: to whom, why and what. */
function disclosureOf(entry: AuditEntry): Partial<ReportRow> {
  if (entry.type !== DISCLOSURE_RECORDED) return {};
  const data = entry.data as {
    recipient?: { organization?: string };
    purpose?: string;
    resources?: string[];
    disclosedAt?: string;
  } | null;
  return {
    ...(data?.recipient?.organization ? { recipient: data.recipient.organization } : {}),
    ...(data?.purpose ? { purpose: data.purpose } : {}),
    ...(data?.resources ? { disclosed: data.resources.join(' ') } : {}),
    ...(data?.disclosedAt ? { disclosedAt: data.disclosedAt } : {}),
  };
}

export function toRow(entry: AuditEntry): ReportRow {
  const actor = entry.actor;
  return {
    seq: entry.seq,
    occurredAt: entry.occurredAt,
    action: entry.action,
    ...(actor?.kind === 'user' ? { actorId: actor.id, role: actor.role } : {}),
    ...(actor?.kind === 'system' ? { role: `system:${actor.service}` } : {}),
    ...(entry.patientId ? { patientId: entry.patientId } : {}),
    resourceType: entry.resource.type,
    ...(entry.resource.id ? { resourceId: entry.resource.id } : {}),
    ...(entry.purpose ? { purpose: entry.purpose } : {}),
    service: entry.service,
    outcome: entry.outcome,
    eventType: entry.type,
    eventId: entry.eventId,
    ...(entry.traceId ? { traceId: entry.traceId } : {}),
    ...(entry.correlationId ? { correlationId: entry.correlationId } : {}),
    hash: entry.hash,
    ...disclosureOf(entry),
  };
}
