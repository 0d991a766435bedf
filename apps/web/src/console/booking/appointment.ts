/** An appointment as the scheduling service answers a booking, a move or a cancellation. */
export interface Appointment {
  readonly appointmentId: string;
  readonly status: 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow';
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  readonly visitType: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly participants: readonly {
    readonly participantId: string;
    readonly role: string;
    readonly language?: string;
  }[];
  readonly patientLocation?: { readonly state: string };
  readonly interpreterOnDemand?: { readonly language?: string };
  readonly cancellation?: { readonly reasonCode: string; readonly late: boolean };
  readonly sessionId?: string;
}

export const CANCEL_REASONS = [
  { value: 'patient-request', label: 'The patient asked' },
  { value: 'provider-unavailable', label: 'The provider is unavailable' },
  { value: 'technical', label: 'Technical problem' },
  { value: 'duplicate', label: 'Booked twice' },
  { value: 'other', label: 'Other' },
] as const;

const STATUS = {
  booked: 'Booked',
  arrived: 'Checked in',
  fulfilled: 'Took place',
  cancelled: 'Cancelled',
  noshow: 'No-show',
} as const;

export function appointmentStatus(status: Appointment['status']): string {
  return STATUS[status] ?? status;
}

/** The interpreter of the visit in words: held, to be drawn, or none. */
export function interpreterText(
  a: Appointment,
  nameOf: (id: string) => string | undefined,
): string {
  const held = a.participants.find((p) => p.role === 'interpreter');
  if (held)
    return `${nameOf(held.participantId) ?? 'An interpreter of the pool'}${held.language ? ` (${held.language})` : ''}, held for the visit`;
  if (a.interpreterOnDemand)
    return `Drawn on demand when the visit starts${a.interpreterOnDemand.language ? ` (${a.interpreterOnDemand.language})` : ''}`;
  return 'None';
}

/** The visit's time on the clinic's clock, with its day. */
export function whenText(a: Appointment, locale?: string): string {
  const format = (iso: string, options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { timeZone: a.timeZone, ...options }).format(
        new Date(iso),
      );
    } catch {
      return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
    }
  };
  return `${format(a.start, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' })} – ${format(a.end, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })}`;
}
