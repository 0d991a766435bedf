import { FormEvent } from 'react';
import { BookingCriteria, criteriaProblems } from './booking-request';
import { Clinic, StaffMember } from './use-directory';

const LANGUAGES = [
  ['es', 'Spanish'],
  ['zh', 'Chinese'],
  ['vi', 'Vietnamese'],
  ['ru', 'Russian'],
  ['ar', 'Arabic'],
  ['ht', 'Haitian Creole'],
  ['asl', 'American Sign Language'],
] as const;

/** Whom the visit is for and what is wanted: the slot search's and the booking's questions. */
export function BookingForm({
  criteria,
  clinics,
  staff,
  shownProblems,
  busy,
  onChange,
  onSearch,
}: {
  criteria: BookingCriteria;
  clinics: readonly Clinic[];
  staff: readonly StaffMember[];
  shownProblems: boolean;
  busy: boolean;
  onChange: (criteria: BookingCriteria) => void;
  onSearch: () => void;
}) {
  const set = (change: Partial<BookingCriteria>) => onChange({ ...criteria, ...change });
  const problems = shownProblems ? criteriaProblems(criteria) : {};
  const providers = staff.filter((s) => s.functions.includes('provider'));
  const interpreter = criteria.interpreter;
  const field = (name: keyof BookingCriteria) =>
    problems[name]
      ? { 'aria-invalid': true, 'aria-describedby': `${name}-problem` }
      : { 'aria-invalid': false };
  const problem = (name: keyof BookingCriteria) =>
    problems[name] && (
      <p id={`${name}-problem`} className="error">
        {problems[name]}
      </p>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch();
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="booking-criteria" noValidate>
      <h2 id="booking-criteria">Patient and visit</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="patient-id">Patient id</label>
          <input
            id="patient-id"
            value={criteria.patientId}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set({ patientId: e.target.value })}
            {...field('patientId')}
          />
          {problem('patientId')}
        </div>
        <div>
          <label htmlFor="patient-state">Patient's state (licensure)</label>
          <input
            id="patient-state"
            value={criteria.patientState}
            maxLength={2}
            autoComplete="off"
            onChange={(e) => set({ patientState: e.target.value.toUpperCase() })}
            {...field('patientState')}
          />
          {problem('patientState')}
        </div>
        <div>
          <label htmlFor="visit-type">Visit type</label>
          <select
            id="visit-type"
            value={criteria.visitType}
            onChange={(e) => set({ visitType: e.target.value as BookingCriteria['visitType'] })}
          >
            <option value="video">Video</option>
            <option value="audio">Audio only (phone)</option>
          </select>
        </div>
        <div>
          <label htmlFor="clinic">Clinic</label>
          <select
            id="clinic"
            value={criteria.clinicId}
            onChange={(e) => {
              const clinic = clinics.find((c) => c.clinicId === e.target.value);
              set({
                clinicId: e.target.value,
                providerId: '',
                ...(clinic?.address?.state && !criteria.patientState
                  ? { patientState: clinic.address.state }
                  : {}),
              });
            }}
            {...field('clinicId')}
          >
            <option value="">Choose a clinic</option>
            {clinics.map((c) => (
              <option key={c.clinicId} value={c.clinicId}>
                {c.name}
              </option>
            ))}
          </select>
          {problem('clinicId')}
        </div>
        <div>
          <label htmlFor="provider">Provider</label>
          <select
            id="provider"
            value={criteria.providerId}
            onChange={(e) => set({ providerId: e.target.value })}
          >
            <option value="">Any provider of the clinic</option>
            {providers.map((p) => (
              <option key={p.staffId} value={p.staffId}>
                {p.displayName}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from-date">First day</label>
          <input
            id="from-date"
            type="date"
            value={criteria.fromDate}
            onChange={(e) => set({ fromDate: e.target.value })}
            {...field('fromDate')}
          />
          {problem('fromDate')}
        </div>
        <div>
          <label htmlFor="to-date">Last day</label>
          <input
            id="to-date"
            type="date"
            value={criteria.toDate}
            onChange={(e) => set({ toDate: e.target.value })}
            {...field('toDate')}
          />
          {problem('toDate')}
        </div>
      </div>
      <fieldset>
        <legend>Interpreter</legend>
        <label>
          <input
            type="checkbox"
            checked={interpreter.needed}
            onChange={(e) =>
              set({
                interpreter: e.target.checked
                  ? { needed: true, language: 'es', mode: 'pool' }
                  : { needed: false },
              })
            }
          />
          The patient needs an interpreter
        </label>
        {interpreter.needed && (
          <>
            <label htmlFor="interpreter-language">Language</label>
            <select
              id="interpreter-language"
              value={interpreter.language}
              onChange={(e) => set({ interpreter: { ...interpreter, language: e.target.value } })}
              {...field('interpreter')}
            >
              {LANGUAGES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            {problem('interpreter')}
            <label>
              <input
                type="radio"
                name="interpreter-mode"
                checked={interpreter.mode === 'pool'}
                onChange={() => set({ interpreter: { ...interpreter, mode: 'pool' } })}
              />
              Hold an interpreter of the pool now
            </label>
            <label>
              <input
                type="radio"
                name="interpreter-mode"
                checked={interpreter.mode === 'on-demand'}
                onChange={() => set({ interpreter: { ...interpreter, mode: 'on-demand' } })}
              />
              Draw one on demand when the visit starts
            </label>
          </>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        Search free slots
      </button>
    </form>
  );
}
