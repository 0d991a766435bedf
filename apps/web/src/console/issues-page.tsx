import { useCallback, useEffect, useState } from 'react';
import { usePerson } from '../auth/auth-context';
import { callApi } from '../api/http-client';
import './console.css';
import { IssueCard } from './issues/issue-card';
import { OpenIssue } from './issues/open-issue';
import { LiveIndicator } from './today/live-indicator';
import { useTodayBoard } from './today/use-today-board';

/** A re-read of the queue when no board event came: issues of visits off today's board too. */
const POLL_MS = 5000;

/**
 * The issue queue, oldest first. It refreshes two ways: it follows the Today stream (whose
 * board changes with every issue opened or resolved, and names each issue's visit) and re-reads
 * the queue on each board; it also polls the queue every 5 s, for issues the board does not show.
 */
export function IssuesPage() {
  const { token } = usePerson();
  const { board, live } = useTodayBoard();
  const [issues, setIssues] = useState<readonly OpenIssue[]>();
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(() => new Date());

  const read = useCallback(() => {
    callApi<OpenIssue[]>('sessions', '/api/v1/issues/open', { token }).then(
      (open) => {
        setIssues(open);
        setError(undefined);
        setNow(new Date());
      },
      (e: Error) => setError(e.message),
    );
  }, [token]);

  useEffect(() => {
    read();
    const timer = setInterval(read, POLL_MS);
    return () => clearInterval(timer);
  }, [read]);
  useEffect(read, [board?.generatedAt, read]);

  const visitOf = (sessionId: string) =>
    board ? board.visits.find((v) => v.sessionId === sessionId) : ('reading' as const);
  return (
    <>
      <div className="page-head">
        <h1>Issue queue</h1>
        <LiveIndicator live={live} {...(board ? { generatedAt: board.generatedAt } : {})} />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p aria-live="polite" className="hint">
        {issues === undefined
          ? 'Reading the queue…'
          : issues.length === 0
            ? 'No open issues.'
            : `${issues.length} open ${issues.length === 1 ? 'issue' : 'issues'}, oldest first`}
      </p>
      {issues && issues.length > 0 && (
        <ul className="issue-list">
          {issues.map((issue) => (
            <IssueCard
              key={issue.issueId}
              issue={issue}
              visit={visitOf(issue.sessionId)}
              now={now}
              onChanged={read}
            />
          ))}
        </ul>
      )}
    </>
  );
}
