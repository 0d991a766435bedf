import { Fragment } from 'react';
import { channelStatus, languageName, quietHoursText } from './contact-labels';
import { Channel, ContactPreferences } from './contact-preferences';

const CHANNELS: readonly { channel: Channel; label: string }[] = [
  { channel: 'email', label: 'E-mail messages' },
  { channel: 'sms', label: 'Text messages (SMS)' },
];

/** What is on record for the patient, and whether each channel is used, in words. */
export function ContactRecord({ record }: { record: ContactPreferences }) {
  const recordedAt = new Date(record.recordedAt).toLocaleString('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <section className="card" aria-labelledby="on-record">
      <h2 id="on-record">On record</h2>
      <dl className="facts">
        <dt>E-mail</dt>
        <dd>{record.email ?? 'None'}</dd>
        <dt>Mobile</dt>
        <dd>{record.mobile ?? 'None'}</dd>
        <dt>Language</dt>
        <dd>
          {record.preferredLanguage
            ? languageName(record.preferredLanguage)
            : "Not stated: the patient profile's language"}
        </dd>
        <dt>Time zone</dt>
        <dd>{record.timeZone}</dd>
        <dt>Quiet hours</dt>
        <dd>{quietHoursText(record.quietHours)}</dd>
        {CHANNELS.map(({ channel, label }) => {
          const status = channelStatus(record, channel);
          return (
            <Fragment key={channel}>
              <dt>{label}</dt>
              <dd data-channel={channel}>
                <span className={`badge ${status.tone}`}>{status.label}</span>
                {status.note && <p className="channel-note">{status.note}</p>}
              </dd>
            </Fragment>
          );
        })}
      </dl>
      <p className="hint">Recorded {recordedAt}.</p>
    </section>
  );
}
