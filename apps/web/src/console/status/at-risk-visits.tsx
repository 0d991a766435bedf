import { useTodayBoard } from '../today/use-today-board';
import { timeIn, updatedAt } from '../today/visit-labels';
import { PlatformStatus } from './platform-status';

/**
 * The visits an incident puts at risk, named from today's board. Mounted only during an
 * incident with visits at risk: the board is a read of patients' visits, not wanted otherwise.
 */
export function AtRiskVisits({ visits }: { visits: PlatformStatus['affectedUpcomingVisits'] }) {
  const { board } = useTodayBoard();
  const visitOf = (sessionId: string) => board?.visits.find((v) => v.sessionId === sessionId);
  return (
    <section className="card" aria-labelledby="at-risk">
      <h2 id="at-risk">Visits at risk</h2>
      <ul>
        {visits.map((v) => {
          const known = visitOf(v.sessionId);
          return (
            <li key={v.sessionId}>
              {known
                ? `${timeIn(v.scheduledStart, known.timeZone)} · ${known.providerName} · ${known.clinicName}`
                : `${updatedAt(v.scheduledStart)} · appointment ${v.appointmentId.slice(0, 8)}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
