import { TodayVisit, VISIT_STATES, VisitState } from './today-board';
import { choicesOf, VisitFilters } from './visit-filters';
import { STATE_LABELS } from './visit-labels';

/** The board's filters: clinic, state, provider, and only the visits that need attention. */
export function VisitFiltersForm({
  visits,
  filters,
  onChange,
}: {
  visits: readonly TodayVisit[];
  filters: VisitFilters;
  onChange: (filters: VisitFilters) => void;
}) {
  const { clinics, providers } = choicesOf(visits);
  const set = (change: Partial<VisitFilters>) => onChange({ ...filters, ...change });
  return (
    <form
      className="filters card"
      aria-label="Filter the visits"
      onSubmit={(e) => e.preventDefault()}
    >
      <div>
        <label htmlFor="filter-clinic">Clinic</label>
        <select
          id="filter-clinic"
          value={filters.clinicId}
          onChange={(e) => set({ clinicId: e.target.value })}
        >
          <option value="">All clinics</option>
          {clinics.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-state">State</label>
        <select
          id="filter-state"
          value={filters.state}
          onChange={(e) => set({ state: e.target.value as VisitState | '' })}
        >
          <option value="">Every state</option>
          {VISIT_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-provider">Provider</label>
        <select
          id="filter-provider"
          value={filters.providerId}
          onChange={(e) => set({ providerId: e.target.value })}
        >
          <option value="">All providers</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="check">
        <label htmlFor="filter-attention">
          <input
            id="filter-attention"
            type="checkbox"
            checked={filters.needsAttention}
            onChange={(e) => set({ needsAttention: e.target.checked })}
          />
          Needs attention only
        </label>
      </div>
    </form>
  );
}
