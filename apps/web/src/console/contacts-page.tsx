import { useState } from 'react';
import { useSearch } from '../router';
import './console.css';
import './contacts/contacts.css';
import { contactsQuery } from './contacts/contact-labels';
import { ContactPreferencesForm } from './contacts/contact-preferences-form';
import { ContactRecord } from './contacts/contact-record';
import { OptOutActions } from './contacts/opt-out-actions';
import { PatientLookupForm } from './contacts/patient-lookup-form';
import { useContactPreferences } from './contacts/use-contact-preferences';

/**
 * A patient's contact points and message preferences (notifications): what is on record, a
 * form to state them again, and opting out of a channel. Opened from a visit of Today or the
 * visit just booked, or by the patient's id.
 */
export function ContactsPage() {
  const { patientId, timeZone } = contactsQuery(useSearch());
  return (
    <>
      <h1>Contact preferences</h1>
      {patientId ? (
        <PatientContacts
          key={patientId}
          patientId={patientId}
          defaultZone={timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
        />
      ) : (
        <PatientLookupForm />
      )}
    </>
  );
}

function PatientContacts({ patientId, defaultZone }: { patientId: string; defaultZone: string }) {
  const { onFile, reread } = useContactPreferences(patientId);
  const [message, setMessage] = useState<string>();
  const after = async (text: string) => {
    await reread();
    setMessage(text);
  };
  const record = onFile.kind === 'record' ? onFile.record : undefined;
  return (
    <>
      <p className="patient-line">
        Patient <span className="person-id">{patientId}</span>
      </p>
      <div aria-live="polite" className="contact-message">
        {message && <p className="ok">{message}</p>}
        {onFile.kind === 'reading' && <p>Reading what is on record…</p>}
      </div>
      {onFile.kind === 'refused' && (
        <p role="alert" className="error">
          Not shown: {onFile.detail}
        </p>
      )}
      {onFile.kind === 'none' && (
        <p className="card">
          Nothing is on record for this patient yet. Until it is, their reminders go to the contact
          given at booking, in the language of their patient profile.
        </p>
      )}
      {record && <ContactRecord record={record} />}
      {(onFile.kind === 'none' || record) && (
        <ContactPreferencesForm
          key={record?.version ?? 0}
          personId={patientId}
          record={record}
          defaultZone={defaultZone}
          onSaved={(changed) =>
            void after(
              changed
                ? 'Saved: the messages follow these preferences from now on.'
                : 'Nothing changed: the same preferences were on record.',
            )
          }
        />
      )}
      {record && <OptOutActions record={record} onOptedOut={(text) => void after(text)} />}
    </>
  );
}
