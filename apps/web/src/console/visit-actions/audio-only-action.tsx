import { useState } from 'react';
import { usePerson } from '../../auth/auth-context';
import { callApi } from '../../api/http-client';

/**
 * Moves a participant (the patient, usually) to audio only when their video cannot hold; the
 * service records it once, so a second press changes nothing.
 */
export function AudioOnlyAction({
  sessionId,
  participantId,
  who = 'patient',
}: {
  sessionId: string;
  participantId: string;
  who?: string;
}) {
  const { token } = usePerson();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);

  async function switchToAudio() {
    setBusy(true);
    setMessage(undefined);
    try {
      await callApi(
        'sessions',
        `/api/v1/sessions/${sessionId}/participants/${participantId}/audio-only`,
        { method: 'POST', body: { trigger: 'poor-connection' }, token },
      );
      setMessage({ text: `The ${who} continues with audio only.` });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button type="button" disabled={busy} onClick={() => void switchToAudio()}>
        Switch the {who} to audio only
      </button>
      <p aria-live="polite" className={message?.error ? 'error' : 'hint'}>
        {message?.text}
      </p>
    </div>
  );
}
