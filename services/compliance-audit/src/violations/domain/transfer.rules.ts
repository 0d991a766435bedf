import { Finding } from './violation';
import type { CredentialAtStart } from './session.rules';

/** A visit handed to another provider, as the trail saw it (ProviderTransferred). */
export interface ProviderTransfer {
  readonly eventId: string;
  readonly sessionId: string;
  readonly toProviderId: string;
  readonly transferredAt: string;
  readonly patientId?: string;
}

/**
 * A visit transferred to a provider without a current telehealth credential at that moment:
 * none on record (`unknown`), or lapsed before the transfer. Sessions refuses such a transfer;
 * this finds one that happened anyway (a check turned off, a lapse it had not heard of yet).
 */
export function judgeTransfer(
  transfer: ProviderTransfer,
  credential: CredentialAtStart,
): Finding[] {
  if (credential.status === 'current') return [];
  return [
    {
      rule: 'transfer-to-uncredentialed-provider',
      severity: 'high',
      actorId: transfer.toProviderId,
      ...(transfer.patientId ? { patientId: transfer.patientId } : {}),
      evidenceEventIds:
        credential.status === 'lapsed'
          ? [transfer.eventId, credential.lapsedEventId]
          : [transfer.eventId],
    },
  ];
}
