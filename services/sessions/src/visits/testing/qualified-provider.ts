import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ProviderQualifications } from '../infrastructure/provider-qualifications.projection';
import { staffCredentialed, staffMemberRecorded } from './qualification-events';
import { callService } from '@thc/testing';

/** The state the test patients confirm they are in, unless a test says otherwise. */
export const PATIENT_STATE = 'NY';

/**
 * Records a provider as the directory and training would, straight into the read model (no
 * Kafka): licensed in `states` until next year, with a current telehealth credential.
 */
export async function qualifyProvider(
  app: INestApplication,
  providerId: string,
  states: readonly string[] = [PATIENT_STATE],
): Promise<void> {
  const qualifications = app.get(ProviderQualifications);
  await qualifications.recorded(randomUUID(), staffMemberRecorded(providerId, ...states));
  await qualifications.credentialed(randomUUID(), staffCredentialed(providerId));
}

/** The patient (or staff for them) confirms where they are; fails the test unless recorded. */
export async function confirmPatientLocation(
  url: string,
  sessionId: string,
  headers: Record<string, string>,
  state = PATIENT_STATE,
): Promise<void> {
  const confirmed = await callService(
    url,
    'POST',
    `/api/v1/sessions/${sessionId}/patient-location`,
    headers,
    { state },
  );
  if (confirmed.status !== 200)
    throw new Error(`location not confirmed: ${confirmed.status} ${confirmed.text}`);
}
