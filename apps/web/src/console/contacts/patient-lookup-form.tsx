import { FormEvent, useState } from 'react';
import { navigate } from '../../router';
import { contactsHref, isPersonId } from './contact-labels';

/** Opens a patient's preferences by their id, when the coordinator does not come from a visit. */
export function PatientLookupForm() {
  const [patientId, setPatientId] = useState('');
  const [problem, setProblem] = useState<string>();
  const open = (event: FormEvent) => {
    event.preventDefault();
    const id = patientId.trim();
    if (!isPersonId(id)) return setProblem('Patient id must be a UUID, as Today shows it.');
    setProblem(undefined);
    navigate(contactsHref(id));
  };
  return (
    <form className="card" onSubmit={open} aria-labelledby="lookup" noValidate>
      <h2 id="lookup">Which patient</h2>
      <p className="hint">
        Or open them from a visit: Today's row actions, or the visit just booked.
      </p>
      <label htmlFor="lookup-patient">Patient id</label>
      <input
        id="lookup-patient"
        value={patientId}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setPatientId(e.target.value)}
        aria-invalid={problem !== undefined}
        {...(problem ? { 'aria-describedby': 'lookup-problem' } : {})}
      />
      {problem && (
        <p id="lookup-problem" className="error">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        Open
      </button>
    </form>
  );
}
