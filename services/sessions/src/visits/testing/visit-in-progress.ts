import { randomUUID } from 'node:crypto';
import { confirmPatientLocation, qualifyProvider } from './qualified-provider';
import { CONSENT_GRANTED, consentGranted } from './scheduling-events';
import { SessionsKit, within } from './sessions-test-kit';
import { callService } from '@thc/testing';

type Headers = Record<string, string>;

/**
 * A visit under way, through the API as its people would do it: consent on record, a provider
 * licensed where the patient confirmed they are, links issued, the patient waiting, the visit
 * started and the patient admitted into the room.
 */
export async function visitInProgress(
  kit: SessionsKit,
  url: string,
  /** Signs a test token, as `bearer` of @thc/testing does. */
  bearer: (role: 'patient' | 'provider' | 'coordinator', subject?: string) => Promise<Headers>,
) {
  const { booked, sessionId } = await kit.bookedSession(5);
  const { patientId, providerId } = booked;
  await kit.compliance(CONSENT_GRANTED, consentGranted(patientId));
  const coordinator = await bearer('coordinator', randomUUID());
  const provider = await bearer('provider', providerId);
  const patient = await bearer('patient', patientId);
  await qualifyProvider(kit.app, providerId);
  const s = `/api/v1/sessions/${sessionId}`;
  const post = (path: string, headers: Record<string, string>, body?: object) =>
    callService(url, 'POST', path, headers, body);
  const linkOf = async (participantId: string) => {
    const link = await post(`${s}/links`, coordinator, { participantId });
    if (link.status !== 201) throw new Error(`link not issued: ${link.status} ${link.text}`);
    return (link.body as { url: string }).url.split('#')[1] ?? '';
  };
  const patientLink = await linkOf(patientId);
  const providerLink = await linkOf(providerId);
  const join = (token: string, deviceToken?: string) =>
    post('/api/v1/join', {}, { token, ...(deviceToken ? { deviceToken } : {}) });

  const waiting = await join(patientLink);
  const patientDevice = (waiting.body as { deviceToken: string }).deviceToken;
  await confirmPatientLocation(url, sessionId, patient);
  // The consent arrives through Kafka: the start is refused until the gate has read it.
  const deadline = Date.now() + within.timeoutMs;
  while ((await post(`${s}/start`, provider)).status !== 200) {
    if (Date.now() > deadline) throw new Error('the visit did not start');
    await new Promise((resolve) => setTimeout(resolve, within.intervalMs));
  }
  await join(providerLink);
  const admittedAs = await post(`${s}/admit`, provider);
  if (admittedAs.status !== 200) throw new Error(`not admitted: ${admittedAs.status}`);
  const inRoom = await join(patientLink, patientDevice);
  if (inRoom.status !== 200) throw new Error(`patient not in the room: ${inRoom.status}`);
  return {
    booked,
    sessionId,
    patient,
    provider,
    coordinator,
    patientLink,
    patientDevice,
    join,
    post,
  };
}
