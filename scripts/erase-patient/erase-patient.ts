/** What the operator asks for: whom to erase, under which request, through which service. */
export interface ErasureRequest {
  readonly patientId: string;
  readonly requestRef: string;
  /** Base URL of compliance-audit, e.g. http://127.0.0.1:3004. */
  readonly url: string;
  /** An admin's bearer token. */
  readonly token: string;
}

/** How the request ended, as the command reports it and exits. */
export type ErasureResult =
  | { readonly outcome: 'erased' | 'already-erased'; readonly erasure: unknown }
  | { readonly outcome: 'refused'; readonly status: number; readonly detail: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REF = /^[A-Za-z0-9._-]{1,60}$/;

/** Usage problems found before anything is sent, one sentence each. */
export function usageProblems(request: Partial<ErasureRequest>): string[] {
  return [
    ...(request.patientId && UUID.test(request.patientId) ? [] : ['--patient must be a UUID']),
    ...(request.requestRef && REF.test(request.requestRef)
      ? []
      : ['--request must be 1-60 letters, digits, . _ -']),
    ...(request.token ? [] : ['no admin token (--token-file or THC_ADMIN_TOKEN)']),
  ];
}

/**
 * Asks compliance-audit to erase the patient, through the same route an admin uses, so the
 * command gets the same checks (admin role, legal hold) and leaves the same record (the
 * PatientErased event, the audit chain) as the API: there is one way to erase.
 */
export async function requestErasure(request: ErasureRequest): Promise<ErasureResult> {
  const response = await fetch(
    `${request.url.replace(/\/$/, '')}/api/v1/patients/${request.patientId}/erasure`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requestRef: request.requestRef }),
    },
  );
  const body = (await response.json().catch(() => ({}))) as { detail?: string };
  if (response.status === 201) return { outcome: 'erased', erasure: body };
  if (response.status === 200) return { outcome: 'already-erased', erasure: body };
  return {
    outcome: 'refused',
    status: response.status,
    detail: body.detail ?? response.statusText,
  };
}
