import { useState } from 'react';
import './console.css';
import { filterVisits, NO_FILTERS } from './today/visit-filters';
import { LiveIndicator } from './today/live-indicator';
import { useTodayBoard } from './today/use-today-board';
import { VisitFiltersForm } from './today/visit-filters-form';
import { VisitRow } from './today/visit-row';

/** Today: every visit of the coordinator's clinics, as it happens. */
export function TodayPage() {
  const { board, live, error } = useTodayBoard();
  const [filters, setFilters] = useState(NO_FILTERS);
  const visits = board ? filterVisits(board.visits, filters) : [];
  return (
    <>
      <div className="page-head">
        <h1>Today</h1>
        <LiveIndicator live={live} {...(board ? { generatedAt: board.generatedAt } : {})} />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {board && (
        <>
          <VisitFiltersForm visits={board.visits} filters={filters} onChange={setFilters} />
          <p aria-live="polite" className="hint">
            {visits.length} of {board.visits.length} visits shown
          </p>
          {visits.length > 0 && (
            <div className="table-wrap">
              <table className="stack today">
                <caption className="visually-hidden">Today's visits</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Patient</th>
                    <th scope="col">Provider</th>
                    <th scope="col">Clinic</th>
                    <th scope="col">State</th>
                    <th scope="col">Issues</th>
                    <th scope="col">Readiness</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {visits.map((v) => (
                    <VisitRow key={v.sessionId} visit={v} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {!board && !error && <p aria-live="polite">Reading today's visits…</p>}
    </>
  );
}
