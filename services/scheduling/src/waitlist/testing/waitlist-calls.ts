import type { Role } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { TEST_PATIENT_LOCATION } from '../../appointments/testing/scheduling-test-app';
import { callService } from '@thc/testing';

/** Signs a test token, as `bearer` of @thc/testing does. */
export type Bearer = (role: Role, subject: string) => Promise<Record<string, string>>;

/** One waitlisted patient, as the tests hold them. */
export interface Waiting {
  readonly patientId: string;
  readonly id: string;
}

export interface OfferSeen {
  readonly offerId: string;
  readonly providerId: string;
  readonly start: string;
  readonly end: string;
  readonly expiresAt: string;
  readonly expiredAt?: string;
}

/** A patient joins the clinic's waitlist for a video visit before mid-2031 (or as `body` says). */
export async function joinWaitlist(
  url: string,
  bearer: Bearer,
  clinicId: string,
  body: Record<string, unknown> = {},
): Promise<Waiting> {
  const patientId = randomUUID();
  const response = await callService(
    url,
    'POST',
    '/api/v1/waitlist',
    await bearer('patient', patientId),
    {
      patientId,
      clinicId,
      visitType: 'video',
      earlierThan: '2031-06-30T00:00:00Z',
      timeZone: 'Europe/London',
      ...body,
    },
  );
  if (response.status !== 201) throw new Error(`join refused: ${response.status} ${response.text}`);
  return { patientId, id: (response.body as { waitlistEntryId: string }).waitlistEntryId };
}

/** Books a visit with the provider (UTC instants) for a new patient; answers its id. */
export async function bookVisit(
  url: string,
  coordinator: Record<string, string>,
  visit: { providerId: string; clinicId: string; start: string; end: string },
  patientId: string = randomUUID(),
): Promise<string> {
  const booked = await callService(url, 'POST', '/api/v1/appointments', coordinator, {
    patientId,
    visitType: 'video',
    timeZone: 'UTC',
    patientLocation: TEST_PATIENT_LOCATION,
    ...visit,
  });
  if (booked.status !== 201) throw new Error(`booking refused: ${booked.status} ${booked.text}`);
  return (booked.body as { appointmentId: string }).appointmentId;
}

export async function cancelVisit(
  url: string,
  coordinator: Record<string, string>,
  appointmentId: string,
): Promise<{ status: number }> {
  return callService(url, 'POST', `/api/v1/appointments/${appointmentId}/cancel`, coordinator, {
    reasonCode: 'patient-request',
  });
}

/** The entry as its patient reads it. */
export async function readEntry(
  url: string,
  bearer: Bearer,
  entry: Waiting,
): Promise<{ status: string; offers: OfferSeen[] }> {
  const read = await callService(
    url,
    'GET',
    `/api/v1/waitlist/${entry.id}`,
    await bearer('patient', entry.patientId),
  );
  if (read.status !== 200) throw new Error(`entry unreadable: ${read.status} ${read.text}`);
  return read.body as { status: string; offers: OfferSeen[] };
}
