import type { DemoClient } from './demo-client';
import { detailOf } from './demo-client';
import { inPool, Tally } from './demo-progress';
import type { Patient, Roster } from './demo-roster';

interface FhirConsent {
  id: string;
  status: string;
  category: { coding: { code: string }[] }[];
}

const isTelehealth = (consent: FhirConsent) =>
  consent.category.some((c) => c.coding.some((coding) => coding.code === 'telehealth'));

/** Requests per patient: the grant; a withdrawal adds a read before it and the revocation. */
const weight = (patient: Patient) => (patient.consent?.revoked ? 3 : 1);

export function plannedConsents(roster: Roster, which: (patient: Patient) => boolean): number {
  return roster.patients.filter((p) => p.consent && which(p)).reduce((n, p) => n + weight(p), 0);
}

/**
 * Telehealth consent for most patients: e-signed, written, or verbal with the coordinator who
 * witnessed it; a few withdraw it. A re-run grants nothing twice (an active consent of the scope
 * makes the grant a 409) and, for the patients who withdrew, reads first so as not to grant again.
 */
export async function seedConsents(
  client: DemoClient,
  roster: Roster,
  tally: Tally,
  coordinatorOf: (clinicId: string) => string,
  concurrency: number,
  which: (patient: Patient) => boolean = () => true,
): Promise<void> {
  const patients = roster.patients.filter((p) => p.consent && which(p));
  const pool = { limit: concurrency, weight };
  await inPool(`consents (${patients.length})`, patients, pool, async (patient) => {
    const as = { role: 'coordinator' as const, subject: coordinatorOf(patient.clinicId) };
    const path = `/api/v1/patients/${patient.id}/consents`;
    // Reading first is needed only where a withdrawal is planned (after it, a grant would
    // succeed again); elsewhere the grant itself answers 409 when the consent is there.
    let consent: FhirConsent | undefined;
    if (patient.consent?.revoked) {
      const listed = await client.call<FhirConsent[]>('compliance-audit', as, 'GET', path);
      if (listed.status !== 200) {
        tally.add('consent', 'failed', `GET ${listed.status} ${detailOf(listed)}`);
        return;
      }
      consent = listed.body.find(isTelehealth);
    }
    if (consent) tally.add('consent', 'existing');
    else {
      const granted = await client.call<FhirConsent>(
        'compliance-audit',
        as,
        'POST',
        path,
        grantBody(patient),
      );
      if (granted.status !== 201) {
        tally.add(
          'consent',
          granted.status === 409 ? 'existing' : 'failed',
          `${granted.status} ${detailOf(granted)}`,
        );
        return;
      }
      tally.add('consent', 'created');
      consent = granted.body;
    }
    if (!patient.consent?.revoked) return;
    if (consent.status !== 'active') {
      tally.add('consent revoked', 'existing');
      return;
    }
    const revoked = await client.call(
      'compliance-audit',
      as,
      'POST',
      `${path}/${consent.id}/revoke`,
    );
    tally.add(
      'consent revoked',
      revoked.status === 200 ? 'created' : revoked.status === 409 ? 'existing' : 'failed',
      `${revoked.status} ${detailOf(revoked)}`,
    );
  });
}

function grantBody(patient: Patient): unknown {
  const plan = patient.consent;
  if (!plan) throw new Error('no consent planned');
  return {
    scope: 'telehealth',
    method: plan.method,
    formVersion: '2026-01',
    ...(plan.method === 'verbal' ? { witnessId: plan.witnessId, witnessRole: 'coordinator' } : {}),
  };
}
