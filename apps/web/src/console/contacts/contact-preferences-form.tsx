import { FormEvent, ReactNode, useMemo, useState } from 'react';
import { usePerson } from '../../auth/auth-context';
import { ApiProblem } from '../../api/api-problem';
import { callApi } from '../../api/http-client';
import { languageChoices, languageName, timeZoneChoices } from './contact-labels';
import {
  bodyOf,
  ContactField,
  ContactForm,
  ContactPreferences,
  contactPreferencesPath,
  formOf,
} from './contact-preferences';
import { FieldProblems, fieldProblems } from './field-problems';

const NO_PROBLEMS: FieldProblems = { byField: {}, other: [] };
const ID: Record<ContactField, string> = {
  email: 'contact-email',
  mobile: 'contact-mobile',
  preferredLanguage: 'contact-language',
  timeZone: 'contact-zone',
  quietStart: 'quiet-start',
  quietEnd: 'quiet-end',
  byEmail: 'consent-email',
  bySms: 'consent-sms',
};

/**
 * The whole record, stated again: the service keeps what is sent and drops what is left out,
 * checks every field and names each it refuses, shown beside it.
 */
export function ContactPreferencesForm({
  personId,
  record,
  defaultZone,
  onSaved,
}: {
  personId: string;
  record: ContactPreferences | undefined;
  defaultZone: string;
  onSaved: (changed: boolean) => void;
}) {
  const { token } = usePerson();
  const [form, setForm] = useState<ContactForm>(() => formOf(record, defaultZone));
  const [problems, setProblems] = useState<FieldProblems>(NO_PROBLEMS);
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const zones = useMemo(
    () => timeZoneChoices(form.timeZone, Intl.supportedValuesOf('timeZone')),
    [form.timeZone],
  );
  const set = (change: Partial<ContactForm>) => setForm({ ...form, ...change });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems(NO_PROBLEMS);
    setRefusal(undefined);
    try {
      const saved = await callApi<{ changed: boolean }>(
        'notifications',
        contactPreferencesPath(personId),
        { method: 'PUT', body: bodyOf(form), token },
      );
      onSaved(saved.changed);
    } catch (error) {
      const sorted =
        error instanceof ApiProblem && error.status === 400
          ? fieldProblems(error.invalidParams)
          : NO_PROBLEMS;
      setProblems(sorted);
      const marked = Object.keys(sorted.byField).length > 0;
      setRefusal(
        [
          marked
            ? 'Not saved: correct the fields marked below.'
            : `Not saved: ${String(error instanceof Error ? error.message : error)}`,
          ...sorted.other,
        ].join(' '),
      );
    } finally {
      setBusy(false);
    }
  };

  /** The field's hint and its problem, read out after its label. */
  const describe = (field: ContactField, hint?: string) => {
    const ids = [hint, problems.byField[field] ? `${ID[field]}-problem` : undefined].filter(
      Boolean,
    );
    return {
      id: ID[field],
      'aria-invalid': problems.byField[field] !== undefined,
      ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
    };
  };
  const problem = (field: ContactField): ReactNode =>
    problems.byField[field] && (
      <p id={`${ID[field]}-problem`} className="error field-problem">
        {problems.byField[field]}
      </p>
    );

  return (
    <form className="card" onSubmit={(e) => void save(e)} aria-labelledby="contact-form" noValidate>
      <h2 id="contact-form">{record ? 'Change the preferences' : 'Record the preferences'}</h2>
      <div aria-live="polite">{refusal && <p className="error">{refusal}</p>}</div>
      <div className="form-grid">
        <div>
          <label htmlFor={ID.email}>E-mail</label>
          <input
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={form.email}
            onChange={(e) => set({ email: e.target.value })}
            {...describe('email')}
          />
          {problem('email')}
        </div>
        <div>
          <label htmlFor={ID.mobile}>Mobile</label>
          <input
            type="tel"
            autoComplete="off"
            value={form.mobile}
            onChange={(e) => set({ mobile: e.target.value })}
            {...describe('mobile', 'mobile-hint')}
          />
          <p id="mobile-hint" className="hint field-hint">
            With the country code, such as +1 201 555 0123.
          </p>
          {problem('mobile')}
        </div>
        <div>
          <label htmlFor={ID.preferredLanguage}>Language of the messages</label>
          <select
            value={form.preferredLanguage}
            onChange={(e) => set({ preferredLanguage: e.target.value })}
            {...describe('preferredLanguage', 'language-hint')}
          >
            <option value="">Not stated: the patient profile's language</option>
            {languageChoices(form.preferredLanguage).map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag)}
              </option>
            ))}
          </select>
          <p id="language-hint" className="hint field-hint">
            Messages are written in English or Spanish; other languages get English for now.
          </p>
          {problem('preferredLanguage')}
        </div>
        <div>
          <label htmlFor={ID.timeZone}>Time zone where the patient lives</label>
          <select
            value={form.timeZone}
            onChange={(e) => set({ timeZone: e.target.value })}
            {...describe('timeZone')}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          {problem('timeZone')}
        </div>
      </div>
      <fieldset>
        <legend>Quiet hours</legend>
        <label>
          <input
            type="checkbox"
            checked={form.quietHoursOn}
            onChange={(e) => set({ quietHoursOn: e.target.checked })}
          />
          Hold messages that can wait during these hours
        </label>
        {form.quietHoursOn && (
          <div className="quiet-hours">
            <div>
              <label htmlFor={ID.quietStart}>From</label>
              <input
                type="time"
                value={form.quietStart}
                onChange={(e) => set({ quietStart: e.target.value })}
                {...describe('quietStart')}
              />
              {problem('quietStart')}
            </div>
            <div>
              <label htmlFor={ID.quietEnd}>Until</label>
              <input
                type="time"
                value={form.quietEnd}
                onChange={(e) => set({ quietEnd: e.target.value })}
                {...describe('quietEnd')}
              />
              {problem('quietEnd')}
            </div>
          </div>
        )}
        <p className="hint">
          In the patient's time. A join link a coordinator sends, or "your provider is running
          late", still goes out.
        </p>
      </fieldset>
      <fieldset>
        <legend>Consent</legend>
        <label>
          <input
            type="checkbox"
            checked={form.byEmail}
            onChange={(e) => set({ byEmail: e.target.checked })}
            {...describe('byEmail', 'consent-hint')}
          />
          The patient agrees to e-mail
        </label>
        {problem('byEmail')}
        <label>
          <input
            type="checkbox"
            checked={form.bySms}
            onChange={(e) => set({ bySms: e.target.checked })}
            {...describe('bySms', 'consent-hint')}
          />
          The patient agrees to text messages (SMS)
        </label>
        {problem('bySms')}
        <p id="consent-hint" className="hint">
          Tick a channel only when the patient said so: for a channel they opted out of, it opts
          them back in.
        </p>
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        Save the preferences
      </button>
    </form>
  );
}
