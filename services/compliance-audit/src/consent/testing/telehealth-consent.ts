import { useComplianceApp } from '../../testing/compliance-test-app';
import type { TestNamespace } from '@thc/testing';

/** A valid body for granting a patient's telehealth consent, e-signed, with an expiry. */
export const TELEHEALTH_CONSENT = {
  scope: 'telehealth',
  method: 'electronic-signature',
  formVersion: '2026-01',
  expiresAt: '2031-03-02T13:50:00Z',
} as const;

/** Where a patient's consents are granted and listed. */
export const consentsOf = (patientId: string): string => `/api/v1/patients/${patientId}/consents`;

/** Where one of a patient's consents is revoked. */
export const revocationOf = (patientId: string, consentId: string): string =>
  `${consentsOf(patientId)}/${consentId}/revoke`;

/** What the consent specs pass in from @thc/testing: its `callService`, and a coordinator token. */
export interface ConsentSpecTools<R> {
  call(
    url: string,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<R>;
  coordinator(): Promise<Record<string, string>>;
}

/**
 * The service under test for the specs of one file, a coordinator (`as.coordinator`, set once
 * `beforeAll` has run), and `grant`: a consent granted over HTTP, by the coordinator unless
 * other headers are given.
 */
export function useConsentApp<R>(ns: TestNamespace, tools: ConsentSpecTools<R>) {
  const under = useComplianceApp(ns);
  const as = { coordinator: {} as Record<string, string> };
  beforeAll(async () => {
    as.coordinator = await tools.coordinator();
  });
  const grant = (
    patientId: string,
    body: unknown = TELEHEALTH_CONSENT,
    headers?: Record<string, string>,
  ): Promise<R> =>
    tools.call(under.url, 'POST', consentsOf(patientId), headers ?? as.coordinator, body);
  return { under, as, grant };
}
