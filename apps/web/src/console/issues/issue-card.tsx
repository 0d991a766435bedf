import { useState } from 'react';
import { usePerson } from '../../auth/auth-context';
import { callApi } from '../../api/http-client';
import { TodayVisit } from '../today/today-board';
import { readinessText, shortId, stateLabel, timeIn } from '../today/visit-labels';
import { AudioOnlyAction } from '../visit-actions/audio-only-action';
import { JoinLinkActions } from '../visit-actions/join-link-actions';
import { participantsOf } from '../visit-actions/participants';
import {
  assigneeText,
  categoryLabel,
  OpenIssue,
  openedAgo,
  Outcome,
  resolution,
  triggerText,
} from './open-issue';
import { ResolveIssueForm } from './resolve-issue-form';

/**
 * One open issue: what went wrong and for which visit, the playbook's steps, and what the
 * coordinator does about it (take it, resolve it, send a new link, switch to audio only).
 */
export function IssueCard({
  issue,
  visit,
  now,
  onChanged,
}: {
  issue: OpenIssue;
  /** The issue's visit on today's board; `reading` while the board has not come yet. */
  visit: TodayVisit | 'reading' | undefined;
  now: Date;
  onChanged: () => void;
}) {
  const person = usePerson();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const path = `/api/v1/sessions/${issue.sessionId}/issues/${issue.issueId}`;
  const headingId = `issue-${issue.issueId}`;

  async function act(work: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const assign = () =>
    act(() =>
      callApi('sessions', `${path}/assign`, {
        method: 'POST',
        body: { coordinatorId: person.subject },
        token: person.token,
      }),
    );
  const resolve = (outcome: Outcome, tried: ReadonlySet<string>) =>
    act(() =>
      callApi('sessions', `${path}/resolve`, {
        method: 'POST',
        body: resolution(outcome, tried, issue.steps),
        token: person.token,
      }),
    );

  return (
    <li className="card issue" aria-labelledby={headingId} data-issue-id={issue.issueId}>
      <h2 id={headingId}>{categoryLabel(issue.category)}</h2>
      <p>
        {openedAgo(issue.openedAt, now)}
        {issue.trigger && <> · {triggerText(issue.trigger)}</>} ·{' '}
        <strong>{assigneeText(issue.assignedTo, person.subject)}</strong>
      </p>
      {visit === 'reading' ? (
        <p className="muted">Reading the visit…</p>
      ) : visit ? (
        <p>
          Visit at {timeIn(visit.scheduledStart, visit.timeZone)} with {visit.providerName},{' '}
          {visit.clinicName}; patient{' '}
          <span title={visit.patientId}>{shortId(visit.patientId)}</span> ·{' '}
          <span className={`badge ${stateLabel(visit.state).tone}`}>
            {stateLabel(visit.state).label}
          </span>
          <br />
          Readiness: {readinessText(visit.readiness)}
        </p>
      ) : (
        <p className="muted">A visit outside today's board (session {shortId(issue.sessionId)}).</p>
      )}
      <h3>Playbook</h3>
      {issue.steps.length > 0 ? (
        <ol className="steps">
          {issue.steps.map((s) => (
            <li key={s.step}>{s.text}</li>
          ))}
        </ol>
      ) : (
        <p>No playbook steps for this kind of issue.</p>
      )}
      {issue.assignedTo !== person.subject && (
        <button type="button" disabled={busy} onClick={() => void assign()}>
          Assign to me
        </button>
      )}
      <ResolveIssueForm issue={issue} busy={busy} onResolve={(o, t) => void resolve(o, t)} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {visit && visit !== 'reading' && (
        <details className="row-actions">
          <summary>Link and audio</summary>
          <JoinLinkActions sessionId={visit.sessionId} participants={participantsOf(visit)} />
          <AudioOnlyAction sessionId={visit.sessionId} participantId={visit.patientId} />
        </details>
      )}
    </li>
  );
}
