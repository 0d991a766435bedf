import type { EventDataOf } from '@thc/contracts';
import type { HistoryContext } from './history-agenda';
import type { HistoryWorld } from './history-world';

type PhiAccessed = EventDataOf<'thc.compliance.PhiAccessed.v1'>;

export interface PhiRead {
  /** Names the read among all of the history's, for its ids. */
  readonly name: string;
  readonly service: HistoryContext;
  readonly actorId: string;
  readonly role: PhiAccessed['role'];
  readonly patientId: string;
  readonly resource: string;
  readonly resourceId?: string;
  readonly purpose: PhiAccessed['purpose'];
  /** Default `read`; a report over the trail is a `search`. */
  readonly action?: PhiAccessed['action'];
  readonly at: number;
}

/**
 * A read of a patient's data, recorded the way each service's PhiAccessRecorder does: one
 * PhiAccessed event in the stream `phi-access-<patientId>` of the serving service's own store,
 * which its relay delivers to compliance-audit.
 */
export function recordRead(world: HistoryWorld, read: PhiRead): void {
  const accessId = world.id(`access:${read.name}`);
  const data: PhiAccessed = {
    accessId,
    actorId: read.actorId,
    role: read.role,
    patientId: read.patientId,
    resource: read.resource,
    ...(read.resourceId ? { resourceId: read.resourceId } : {}),
    action: read.action ?? 'read',
    purpose: read.purpose,
    service: read.service,
    at: new Date(read.at).toISOString(),
  };
  world.agenda.add(read.service, `phi-access-${read.patientId}`, read.at, [
    {
      id: world.id(`phi-accessed:${accessId}`),
      type: 'thc.compliance.PhiAccessed.v1',
      data,
      metadata: { actor: read.actorId },
    },
  ]);
}

/** Inside compliance-audit's default working hours (07:00-19:00 UTC, Monday to Friday). */
export function inWorkingHours(at: number): boolean {
  const date = new Date(at);
  const hour = date.getUTCHours();
  const day = date.getUTCDay();
  return day >= 1 && day <= 5 && hour >= 7 && hour < 19;
}
