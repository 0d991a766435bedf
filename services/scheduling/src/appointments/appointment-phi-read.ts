import { PhiRead } from '@thc/service-runtime';
import { AppointmentResponse } from './appointment.response';

/**
 * A command route that answers with the appointment discloses it as much as a read does (the
 * patient, the provider, the time, the participants): each answer is recorded as a PHI access.
 */
export const AppointmentPhiRead = () =>
  PhiRead({
    resource: 'Appointment',
    patients: (body) => [(body as AppointmentResponse).patientId],
    resourceId: (body) => (body as AppointmentResponse).appointmentId,
  });
