import { grantingRole, Principal, Role } from '@thc/auth';
import { assertValidEvent, EventDataOf } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { randomUUID } from 'node:crypto';
import { ServiceIdentity } from '../config/service-identity';
import { PurposeOfUse } from './purpose-of-use';

type PhiAccessed = EventDataOf<'thc.compliance.PhiAccessed.v1'>;
export const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';

export interface PhiDisclosure {
  readonly principal: Principal;
  readonly patientIds: readonly string[];
  readonly resource: string;
  readonly resourceId?: string;
  readonly action: PhiAccessed['action'];
  readonly purpose: PurposeOfUse;
  readonly at: Date;
  /** The roles the route admits; the granting role is one of them (all the caller's, if unset). */
  readonly admitted?: readonly Role[];
}

/**
 * Appends one PhiAccessed event per patient to the service's own event store; the outbox relay
 * delivers them to compliance-audit, so a crash after the response loses no record.
 */
export class PhiAccessRecorder {
  constructor(
    private readonly store: MongoEventStore,
    private readonly identity: ServiceIdentity,
  ) {}

  async record(disclosure: PhiDisclosure): Promise<void> {
    await Promise.all(
      [...new Set(disclosure.patientIds)].map((patientId) => {
        const data: PhiAccessed = {
          accessId: randomUUID(),
          actorId: disclosure.principal.subject,
          // The role the read was made in, not the token's first: the audit judges care and
          // purpose by it, so a provider who is also a coordinator is held to the care rules.
          role: grantingRole(
            disclosure.principal,
            disclosure.purpose,
            patientId,
            disclosure.admitted,
          ),
          patientId,
          resource: disclosure.resource,
          ...(disclosure.resourceId ? { resourceId: disclosure.resourceId } : {}),
          action: disclosure.action,
          purpose: disclosure.purpose,
          service: this.identity.name,
          at: disclosure.at.toISOString(),
        };
        assertValidEvent(PHI_ACCESSED, data);
        return this.store.append(`phi-access-${patientId}`, 'any', [
          { type: PHI_ACCESSED, data, metadata: { actor: disclosure.principal.subject } },
        ]);
      }),
    );
  }
}
