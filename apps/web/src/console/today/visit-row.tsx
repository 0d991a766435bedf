import { usePerson } from '../../auth/auth-context';
import { Link } from '../../router';
import { contactsHref } from '../contacts/contact-labels';
import { AudioOnlyAction } from '../visit-actions/audio-only-action';
import { JoinLinkActions } from '../visit-actions/join-link-actions';
import { participantsOf } from '../visit-actions/participants';
import { TodayVisit } from './today-board';
import { attentionReasons } from './visit-filters';
import { CREDENTIAL_LABELS, shortId, stateLabel, timeIn } from './visit-labels';

const OVER = new Set(['ended', 'no-show', 'cancelled']);

/** Who keeps patients' contact points (the notifications service admits no one else). */
const KEEP_CONTACTS = new Set(['coordinator', 'admin']);

/** One visit of the day: when, who, where, its live state, readiness, and what can be done. */
export function VisitRow({ visit }: { visit: TodayVisit }) {
  const { role } = usePerson();
  const state = stateLabel(visit.state);
  const attention = attentionReasons(visit);
  const { readiness } = visit;
  return (
    <tr data-session-id={visit.sessionId}>
      <td data-label="Time">
        <span className="nowrap">{timeIn(visit.scheduledStart, visit.timeZone)}</span>{' '}
        <span className="muted nowrap">– {timeIn(visit.scheduledEnd, visit.timeZone)}</span>
      </td>
      <td data-label="Patient">
        <span title={visit.patientId} aria-hidden="true" className="nowrap">
          {shortId(visit.patientId)}
        </span>
        <span className="visually-hidden">Patient {visit.patientId}</span>
      </td>
      <td data-label="Provider">
        {visit.providerName}
        {visit.interpreter && (
          <div className="muted">Interpreter: {visit.interpreter.name ?? 'from the pool'}</div>
        )}
      </td>
      <td data-label="Clinic">{visit.clinicName}</td>
      <td data-label="State">
        <span className={`badge ${state.tone}`}>{state.label}</span>
        {visit.state === 'waiting' && visit.waitingMinutes !== undefined && (
          <div>{visit.waitingMinutes} min waited</div>
        )}
        {attention.length > 0 && (
          <div className="attention">Needs attention: {attention.join(', ')}</div>
        )}
      </td>
      <td data-label="Issues">{visit.openIssues === 0 ? 'None' : `${visit.openIssues} open`}</td>
      <td data-label="Readiness">
        <span className={`badge ${readiness.ready ? 'ok' : 'bad'}`}>
          {readiness.ready ? 'Ready' : 'Not ready'}
        </span>
        <div className="muted">
          Consent {readiness.consent === 'on-record' ? 'on record' : 'missing'} ·{' '}
          {CREDENTIAL_LABELS[readiness.credential]}
        </div>
        {!readiness.ready && (
          <ul className="missing">
            {readiness.missing.map((m) => (
              <li key={m.what}>
                <strong>{m.what}.</strong> {m.ask}.
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label="Actions">
        {KEEP_CONTACTS.has(role) && (
          <Link className="row-link" href={contactsHref(visit.patientId, visit.timeZone)}>
            Contact preferences
            <span className="visually-hidden"> of patient {visit.patientId}</span>
          </Link>
        )}
        {OVER.has(visit.state) ? (
          <span className="muted">None: the visit is over</span>
        ) : (
          <details className="row-actions">
            <summary>Actions</summary>
            <JoinLinkActions sessionId={visit.sessionId} participants={participantsOf(visit)} />
            <AudioOnlyAction sessionId={visit.sessionId} participantId={visit.patientId} />
          </details>
        )}
      </td>
    </tr>
  );
}
