import { useEffect, useState } from 'react';
import { usePerson } from '../auth/auth-context';
import { callApi } from '../api/http-client';
import './console.css';
import { meaningOf, PlatformStatus } from './status/platform-status';
import { AtRiskVisits } from './status/at-risk-visits';
import { updatedAt } from './today/visit-labels';

/** Incidents are raised and closed by the service over minutes: a read every 30 s follows them. */
const POLL_MS = 30_000;

/** Platform status: whether video visits work across the platform, and which visits are at risk. */
export function StatusPage() {
  const { token } = usePerson();
  const [status, setStatus] = useState<PlatformStatus>();
  const [readAt, setReadAt] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const read = () =>
      callApi<PlatformStatus>('sessions', '/api/v1/platform/status', { token }).then(
        (s) => {
          setStatus(s);
          setReadAt(new Date().toISOString());
          setError(undefined);
        },
        (e: Error) => setError(e.message),
      );
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => clearInterval(timer);
  }, [token]);

  const meaning = status && meaningOf(status);
  return (
    <>
      <h1>Platform status</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {status && meaning && (
        <section className="card" aria-live="polite" aria-labelledby="status-now">
          <h2 id="status-now">
            <span className={`badge ${status.status === 'operational' ? 'ok' : 'bad'}`}>
              {status.status === 'operational' ? 'Operational' : 'Incident'}
            </span>{' '}
            {meaning.headline}
          </h2>
          <ul>
            {meaning.advice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {status.incident && (
            <p>
              Raised at {updatedAt(status.incident.raisedAt)}, last failure at{' '}
              {updatedAt(status.incident.lastSignalAt)}.
            </p>
          )}
          {readAt && <p className="live">Checked at {updatedAt(readAt)}, every 30 s.</p>}
        </section>
      )}
      {status && status.affectedUpcomingVisits.length > 0 && (
        <AtRiskVisits visits={status.affectedUpcomingVisits} />
      )}
      {!status && !error && <p aria-live="polite">Reading the platform's status…</p>}
    </>
  );
}
