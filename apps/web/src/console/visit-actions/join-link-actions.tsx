import { useId, useState } from 'react';
import { usePerson } from '../../auth/auth-context';
import { callApi } from '../../api/http-client';
import { VisitParticipant } from './participants';

interface IssuedLink {
  readonly linkId: string;
  readonly url: string;
  readonly opensAt: string;
  readonly expiresAt: string;
  readonly forLabel: string;
}

/**
 * Sends a participant a new join link (their earlier links stop working), shows it to copy
 * once, and revokes it when it went to the wrong person.
 */
export function JoinLinkActions({
  sessionId,
  participants,
}: {
  sessionId: string;
  participants: readonly VisitParticipant[];
}) {
  const { token } = usePerson();
  const id = useId();
  const [participantId, setParticipantId] = useState(participants[0]?.participantId ?? '');
  const [link, setLink] = useState<IssuedLink>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);
  const links = `/api/v1/sessions/${sessionId}/links`;

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  }

  const resend = () =>
    act(async () => {
      const issued = await callApi<Omit<IssuedLink, 'forLabel'>>('sessions', links, {
        method: 'POST',
        body: { participantId },
        token,
      });
      const forLabel =
        participants.find((p) => p.participantId === participantId)?.label ?? 'participant';
      setLink({ ...issued, forLabel });
      setMessage({
        text: `New link for the ${forLabel.toLowerCase()}; earlier links stop working.`,
      });
    });

  const revoke = (issued: IssuedLink) =>
    act(async () => {
      await callApi('sessions', `${links}/${issued.linkId}`, { method: 'DELETE', token });
      setLink(undefined);
      setMessage({ text: `The link for the ${issued.forLabel.toLowerCase()} no longer works.` });
    });

  const copy = (issued: IssuedLink) =>
    act(async () => {
      await navigator.clipboard.writeText(issued.url);
      setMessage({ text: 'Link copied.' });
    });

  return (
    <div className="join-link-actions">
      <label htmlFor={`${id}-for`}>Join link for</label>
      <select
        id={`${id}-for`}
        value={participantId}
        onChange={(e) => setParticipantId(e.target.value)}
      >
        {participants.map((p) => (
          <option key={p.participantId} value={p.participantId}>
            {p.label}
          </option>
        ))}
      </select>
      <button type="button" disabled={busy || !participantId} onClick={() => void resend()}>
        Send a new join link
      </button>
      {link && (
        <div className="issued-link">
          <label htmlFor={`${id}-link`}>Link for the {link.forLabel.toLowerCase()}</label>
          <input id={`${id}-link`} readOnly value={link.url} onFocus={(e) => e.target.select()} />
          <button type="button" disabled={busy} onClick={() => void copy(link)}>
            Copy link
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void revoke(link)}
          >
            Revoke this link
          </button>
        </div>
      )}
      <p aria-live="polite" className={message?.error ? 'error' : 'hint'}>
        {message?.text}
      </p>
    </div>
  );
}
