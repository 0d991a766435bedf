import { useState } from 'react';
import { usePerson } from '../auth/auth-context';
import { ApiProblem } from '../api/api-problem';
import { callApi } from '../api/http-client';
import { Link } from '../router';
import './console.css';
import { Appointment } from './booking/appointment';
import { BookedVisit } from './booking/booked-visit';
import { BookingForm } from './booking/booking-form';
import { contactsHref } from './contacts/contact-labels';
import {
  BookingCriteria,
  bookingBody,
  criteriaProblems,
  moveBody,
  providerSlots,
  refusalText,
  Slot,
  slotSearchPath,
} from './booking/booking-request';
import { SlotPicker } from './booking/slot-picker';
import { useDirectory } from './booking/use-directory';

const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function freshCriteria(): BookingCriteria {
  const today = new Date();
  return {
    patientId: '',
    patientState: '',
    visitType: 'video',
    clinicId: '',
    providerId: '',
    fromDate: localDate(today),
    toDate: localDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 6)),
    interpreter: { needed: false },
  };
}

/** Book a visit on behalf of a patient: search free slots, book one, then move or cancel it. */
export function BookingPage() {
  const { token } = usePerson();
  const [criteria, setCriteria] = useState(freshCriteria);
  const { clinics, staff, error: directoryError } = useDirectory(criteria.clinicId);
  const [checked, setChecked] = useState(false);
  const [slots, setSlots] = useState<readonly Slot[]>();
  const [chosen, setChosen] = useState<Slot>();
  const [appointment, setAppointment] = useState<Appointment>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);

  const clinic = clinics.find((c) => c.clinicId === criteria.clinicId);
  const timeZone = clinic?.timeZone ?? 'UTC';
  const nameOf = (id: string) => staff.find((s) => s.staffId === id)?.displayName;

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
    } catch (e) {
      const text =
        e instanceof ApiProblem ? refusalText(e.status, e.detail || e.title, e.fields) : String(e);
      setMessage({ text, error: true });
    } finally {
      setBusy(false);
    }
  }

  const findSlots = async (): Promise<Slot[]> => {
    const found = await callApi<{ slots: Slot[] }>(
      'scheduling',
      slotSearchPath(criteria, timeZone),
      { token },
    );
    return providerSlots(found.slots, staff);
  };

  const search = () => {
    setChecked(true);
    if (Object.keys(criteriaProblems(criteria)).length > 0)
      return setMessage({ text: 'Correct the fields marked in the form.', error: true });
    void act(async () => {
      const found = await findSlots();
      setSlots(found);
      setChosen(undefined);
      setMessage({ text: `${found.length} free slots found.` });
    });
  };

  /** After a booking or a move the time taken is no longer free, and the one left is. */
  const refreshSlots = async () => setSlots(await findSlots());

  const book = (slot: Slot) =>
    act(async () => {
      const booked = await callApi<Appointment>('scheduling', '/api/v1/appointments', {
        method: 'POST',
        body: bookingBody(criteria, slot, timeZone),
        token,
      });
      setAppointment(booked);
      setChosen(undefined);
      setMessage({ text: 'The visit is booked.' });
      await refreshSlots();
    });

  const move = (slot: Slot) =>
    appointment &&
    act(async () => {
      const moved = await callApi<Appointment>(
        'scheduling',
        `/api/v1/appointments/${appointment.appointmentId}/reschedule`,
        { method: 'POST', body: moveBody(slot, timeZone), token },
      );
      setAppointment(moved);
      setChosen(undefined);
      setMessage({ text: 'The visit is moved.' });
      await refreshSlots();
    });

  const cancel = (reasonCode: string) =>
    appointment &&
    act(async () => {
      const cancelled = await callApi<Appointment>(
        'scheduling',
        `/api/v1/appointments/${appointment.appointmentId}/cancel`,
        { method: 'POST', body: { reasonCode }, token },
      );
      setAppointment(cancelled);
      setMessage({ text: 'The visit is cancelled; its time is free again.' });
      await refreshSlots();
    });

  const startOver = () => {
    setCriteria(freshCriteria());
    setSlots(undefined);
    setChosen(undefined);
    setAppointment(undefined);
    setChecked(false);
    setMessage(undefined);
  };

  const providerName = (id: string) => nameOf(id) ?? 'Provider of the clinic';
  return (
    <>
      <h1>Book a visit</h1>
      {directoryError && (
        <p role="alert" className="error">
          {directoryError}
        </p>
      )}
      <BookingForm
        criteria={criteria}
        clinics={clinics}
        staff={staff}
        shownProblems={checked}
        busy={busy}
        onChange={setCriteria}
        onSearch={search}
      />
      <div aria-live="polite" className="booking-message">
        {message && <p className={message.error ? 'error' : 'ok'}>{message.text}</p>}
      </div>
      {slots && (
        <section className="card" aria-labelledby="slots-heading">
          <h2 id="slots-heading">Choose a slot</h2>
          <SlotPicker
            slots={slots}
            providerName={providerName}
            {...(chosen ? { chosen } : {})}
            onChoose={setChosen}
          />
          {!appointment && (
            <button
              type="button"
              className="primary"
              disabled={busy || !chosen}
              onClick={() => chosen && void book(chosen)}
            >
              Book this slot
            </button>
          )}
        </section>
      )}
      {appointment && (
        <>
          <BookedVisit
            appointment={appointment}
            nameOf={nameOf}
            clinicName={clinic?.name ?? ''}
            chosen={chosen}
            busy={busy}
            onMove={(slot) => void move(slot)}
            onCancel={(reason) => void cancel(reason)}
          />
          <p>
            <Link className="row-link" href={contactsHref(appointment.patientId, clinic?.timeZone)}>
              Contact preferences of the patient
            </Link>{' '}
            <span className="hint">
              (e-mail, mobile, language for the confirmation and reminders)
            </span>
          </p>
          <button type="button" onClick={startOver}>
            Book another visit
          </button>
        </>
      )}
    </>
  );
}
