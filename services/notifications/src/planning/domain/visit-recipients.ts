import type { Recipient } from './addressed-message';

/**
 * Who hears about the booking itself (confirmed, moved, cancelled): the patient and whoever
 * cares for them. The provider and a held interpreter see their day in the console.
 */
export function visitRecipients(patientId: string, caregiverIds: readonly string[]): Recipient[] {
  const caregivers = [...new Set(caregiverIds)].filter((id) => id !== patientId);
  return [
    { recipientId: patientId, recipientRole: 'patient' },
    ...caregivers.map((recipientId) => ({ recipientId, recipientRole: 'caregiver' as const })),
  ];
}

/** The caregivers among a booking's participants. */
export function caregiversOf(
  participants: readonly { readonly participantId: string; readonly role: string }[],
): string[] {
  return participants.filter((p) => p.role === 'caregiver').map((p) => p.participantId);
}
