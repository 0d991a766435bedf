/** FHIR AuditEvent.action: Create, Read, Update, Delete, Execute. */
export type AuditAction = 'C' | 'R' | 'U' | 'D' | 'E';

/** FHIR AuditEvent.outcome: success, minor failure, serious failure, major failure. */
export type AuditOutcome = '0' | '4' | '8' | '12';

/** Who did it: a signed-in user (id and role, never a name) or a service reacting to events. */
export type AuditActor =
  | { readonly kind: 'user'; readonly id: string; readonly role: string }
  | { readonly kind: 'system'; readonly service: string };

/**
 * One audit record, as the trail stores it before it is chained: everything an auditor asks
 * ("who saw this patient's data, when and why") and the event it came from.
 */
export interface AuditRecord {
  /** `ce_id` of the event: the idempotency key, so a redelivery adds nothing. */
  readonly eventId: string;
  readonly type: string;
  readonly source: string;
  readonly subject: string;
  readonly action: AuditAction;
  readonly outcome: AuditOutcome;
  readonly actor?: AuditActor;
  readonly patientId?: string;
  /** FHIR resource type and id the event is about, e.g. Appointment/<id>. */
  readonly resource: { readonly type: string; readonly id?: string };
  /** The service where it happened (for a PHI read, the service that disclosed the data). */
  readonly service: string;
  /** When it happened, UTC ISO-8601 (comparable as text). */
  readonly occurredAt: string;
  /** Set on PHI disclosures only: why the data was read (HIPAA purpose of use). */
  readonly purpose?: string;
  readonly phiAccess: boolean;
  readonly correlationId?: string;
  readonly traceId?: string;
  /** The event's data as published: ids and sealed fields only, so crypto-shredding holds here. */
  readonly data: unknown;
}
