import { CareVisit } from '../violations/domain/access.rules';

/**
 * Who an appointment or a session is for and with (`appointment|id`, `session|id`), and the
 * clinics a patient has visits in (`patient|id`), in the same collection so a booking learns
 * both in one write.
 */
export interface StreamLinkDocument {
  _id: string;
  patientId?: string;
  providerId?: string;
  clinicId?: string;
  clinicIds?: string[];
}

/** One appointment's care of a patient by one staff member: `appointmentId|staffId`. */
export type VisitDocument = CareVisit & {
  _id: string;
  appointmentId: string;
  staffId: string;
  patientId: string;
  /** The clinic the visit is booked in (absent on visits learnt before it was kept). */
  clinicId?: string;
};

/** What care_relationships held before visits were kept one by one: read, never written. */
export interface LegacyCareDocument {
  _id: string;
  since: string;
  lastVisitEnd: string;
}
