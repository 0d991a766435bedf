import { useState } from 'react';
import {
  Appointment,
  appointmentStatus,
  CANCEL_REASONS,
  interpreterText,
  whenText,
} from './appointment';
import { Slot } from './booking-request';

/**
 * The visit as booked: when, with whom, the interpreter; moved to the slot chosen above, or
 * cancelled with a reason.
 */
export function BookedVisit({
  appointment,
  nameOf,
  clinicName,
  chosen,
  busy,
  onMove,
  onCancel,
}: {
  appointment: Appointment;
  nameOf: (id: string) => string | undefined;
  clinicName: string;
  chosen: Slot | undefined;
  busy: boolean;
  onMove: (slot: Slot) => void;
  onCancel: (reasonCode: string) => void;
}) {
  const [reason, setReason] = useState<string>(CANCEL_REASONS[0].value);
  const booked = appointment.status === 'booked';
  const isCurrent =
    chosen?.start === appointment.start && chosen.providerId === appointment.providerId;
  return (
    <section
      className="card"
      aria-labelledby="booked-visit"
      data-appointment-id={appointment.appointmentId}
    >
      <h2 id="booked-visit">
        {booked ? 'Visit booked' : `Visit ${appointmentStatus(appointment.status).toLowerCase()}`}
      </h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`badge ${booked ? 'ok' : 'muted'}`}>
            {appointmentStatus(appointment.status)}
          </span>
        </dd>
        <dt>When</dt>
        <dd>{whenText(appointment)}</dd>
        <dt>Provider</dt>
        <dd>{nameOf(appointment.providerId) ?? 'Provider of the clinic'}</dd>
        <dt>Clinic</dt>
        <dd>{clinicName}</dd>
        <dt>Patient</dt>
        <dd>
          {appointment.patientId}
          {appointment.patientLocation && <> · in {appointment.patientLocation.state}</>}
        </dd>
        <dt>Visit type</dt>
        <dd>{appointment.visitType === 'audio' ? 'Audio only' : 'Video'}</dd>
        <dt>Interpreter</dt>
        <dd>{interpreterText(appointment, nameOf)}</dd>
      </dl>
      {booked && (
        <>
          <h3>Reschedule</h3>
          <p className="hint">Choose another free slot above, then move the visit to it.</p>
          <button
            type="button"
            disabled={busy || !chosen || isCurrent}
            onClick={() => chosen && onMove(chosen)}
          >
            Move the visit to the chosen slot
          </button>
          <h3>Cancel</h3>
          <label htmlFor="cancel-reason">Reason</label>
          <select id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
            {CANCEL_REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <button type="button" className="danger" disabled={busy} onClick={() => onCancel(reason)}>
            Cancel the visit
          </button>
        </>
      )}
    </section>
  );
}
