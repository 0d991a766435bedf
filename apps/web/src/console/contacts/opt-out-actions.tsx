import { useState } from 'react';
import { usePerson } from '../../auth/auth-context';
import { callApi } from '../../api/http-client';
import { Channel, ContactPreferences, contactPreferencesPath } from './contact-preferences';

const ACTIONS: readonly { channel: Channel; label: string; done: string }[] = [
  { channel: 'email', label: 'Opt out of e-mail', done: 'e-mail' },
  { channel: 'sms', label: 'Opt out of SMS', done: 'SMS' },
];

/**
 * Staff opt the patient out of a channel on their word (recorded as by staff): nothing more is
 * sent on it until their consent to it is recorded again.
 */
export function OptOutActions({
  record,
  onOptedOut,
}: {
  record: ContactPreferences;
  onOptedOut: (text: string) => void;
}) {
  const { token } = usePerson();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const optOut = async (channel: Channel, done: string) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await callApi('notifications', `${contactPreferencesPath(record.personId)}/opt-out`, {
        method: 'POST',
        body: { channel },
        token,
      });
      onOptedOut(`The patient is opted out of ${done}: nothing more is sent by ${done}.`);
    } catch (error) {
      setRefusal(`Not opted out: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="opt-out">
      <h2 id="opt-out">Opt out</h2>
      <p className="hint">
        When the patient asks to receive no more messages on a channel. Recording their consent to
        it again opts them back in.
      </p>
      <div aria-live="polite">{refusal && <p className="error">{refusal}</p>}</div>
      {ACTIONS.map(({ channel, label, done }) =>
        record.optedOut[channel] ? (
          <p key={channel}>Already opted out of {done}.</p>
        ) : (
          <button
            key={channel}
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void optOut(channel, done)}
          >
            {label}
          </button>
        ),
      )}
    </section>
  );
}
