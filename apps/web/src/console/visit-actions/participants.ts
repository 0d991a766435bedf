/** Someone of a visit a link or a fallback is for. */
export interface VisitParticipant {
  readonly participantId: string;
  readonly label: string;
}

/** The visit's participants as the console names them: the patient first, who most often needs help. */
export function participantsOf(visit: {
  readonly patientId: string;
  readonly providerId: string;
  readonly providerName?: string;
  readonly interpreter?: { readonly participantId: string; readonly name?: string };
}): VisitParticipant[] {
  return [
    { participantId: visit.patientId, label: 'Patient' },
    {
      participantId: visit.providerId,
      label: visit.providerName ? `Provider (${visit.providerName})` : 'Provider',
    },
    ...(visit.interpreter
      ? [
          {
            participantId: visit.interpreter.participantId,
            label: visit.interpreter.name
              ? `Interpreter (${visit.interpreter.name})`
              : 'Interpreter',
          },
        ]
      : []),
  ];
}
