import type { TodayVisit, VisitState } from './today-board';

/** Waiting longer than this is a visit to look at. */
export const LONG_WAIT_MINUTES = 10;

export interface VisitFilters {
  readonly clinicId: string;
  readonly state: VisitState | '';
  readonly providerId: string;
  readonly needsAttention: boolean;
}

export const NO_FILTERS: VisitFilters = {
  clinicId: '',
  state: '',
  providerId: '',
  needsAttention: false,
};

/**
 * Why a visit needs the coordinator now, in words; none for a visit that is fine. Visits that
 * are over (ended, no-show, cancelled) need nothing.
 */
export function attentionReasons(visit: TodayVisit): string[] {
  if (visit.state === 'ended' || visit.state === 'no-show' || visit.state === 'cancelled')
    return [];
  const reasons: string[] = [];
  if (visit.state === 'waiting' && (visit.waitingMinutes ?? 0) > LONG_WAIT_MINUTES)
    reasons.push(`waiting ${visit.waitingMinutes} min`);
  if (visit.state === 'device-check-failed') reasons.push('device check failed');
  if (visit.openIssues > 0)
    reasons.push(visit.openIssues === 1 ? '1 open issue' : `${visit.openIssues} open issues`);
  if (!visit.readiness.ready) reasons.push('not ready');
  return reasons;
}

export function filterVisits(
  visits: readonly TodayVisit[],
  filters: VisitFilters,
): readonly TodayVisit[] {
  return visits.filter(
    (v) =>
      (!filters.clinicId || v.clinicId === filters.clinicId) &&
      (!filters.state || v.state === filters.state) &&
      (!filters.providerId || v.providerId === filters.providerId) &&
      (!filters.needsAttention || attentionReasons(v).length > 0),
  );
}

/** The distinct clinics and providers of the board, by name, for the filters' choices. */
export function choicesOf(visits: readonly TodayVisit[]): {
  clinics: { id: string; name: string }[];
  providers: { id: string; name: string }[];
} {
  const clinics = new Map<string, string>();
  const providers = new Map<string, string>();
  for (const v of visits) {
    clinics.set(v.clinicId, v.clinicName);
    providers.set(v.providerId, v.providerName);
  }
  const sorted = (m: Map<string, string>) =>
    [...m].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  return { clinics: sorted(clinics), providers: sorted(providers) };
}
