import type { Readiness, VisitState } from './today-board';

type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';

/** Each state in words, with the badge tone that goes with it (the words carry the meaning). */
export const STATE_LABELS: Readonly<Record<VisitState, { label: string; tone: Tone }>> = {
  booked: { label: 'Booked', tone: 'muted' },
  'checked-in': { label: 'Checked in', tone: 'info' },
  'device-check-failed': { label: 'Device check failed', tone: 'bad' },
  waiting: { label: 'Waiting', tone: 'warn' },
  'in-progress': { label: 'In progress', tone: 'ok' },
  'audio-only': { label: 'Audio only', tone: 'warn' },
  ended: { label: 'Ended', tone: 'muted' },
  'no-show': { label: 'No-show', tone: 'bad' },
  cancelled: { label: 'Cancelled', tone: 'muted' },
};

export function stateLabel(state: string): { label: string; tone: Tone } {
  return STATE_LABELS[state as VisitState] ?? { label: state, tone: 'muted' };
}

/** A patient's id as the console shows it: short enough to read, the full id beside it. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** A time as the clinic's clock shows it ("9:30 AM"), so staff and patients agree on it. */
export function timeIn(iso: string, timeZone: string, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(
      new Date(iso),
    );
  } catch {
    // An unknown zone still shows a time, in the browser's own.
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
      new Date(iso),
    );
  }
}

/**
 * The readiness of a visit in one line: ready, or what is missing and whom to ask (the service
 * words `ask` as the coordinator's next step).
 */
export function readinessText(readiness: Readiness): string {
  if (readiness.ready) return 'Ready';
  if (readiness.missing.length === 0) return 'Not ready';
  return readiness.missing.map((m) => `${m.what}: ${m.ask}`).join('; ');
}

/** The provider's telehealth credential in words. */
export const CREDENTIAL_LABELS: Readonly<Record<Readiness['credential'], string>> = {
  current: 'Credential current',
  expiring: 'Credential expiring soon',
  expired: 'Credential expired',
  missing: 'No credential',
};

/** "updated 10:42": when the board was last computed, in the coordinator's own clock. */
export function updatedAt(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  );
}
