import {
  isClinicScopedRole,
  LocalTokenRequest,
  localKeyFiles,
  Role,
  signLocalToken,
} from '@thc/auth';

/**
 * A bearer token the services under test accept (keys made by the integration global setup).
 * Staff tokens cover every clinic unless `clinics` says which: a test about clinic scope names
 * the clinics; the others are about something else.
 */
export async function testToken(
  role: Role,
  subject = 'test-user',
  overrides: Partial<LocalTokenRequest> = {},
): Promise<string> {
  const dir = process.env['THC_TEST_AUTH_DIR'];
  if (!dir)
    throw new Error(
      'THC_TEST_AUTH_DIR is not set: run integration tests through jest global setup',
    );
  const scope: Partial<LocalTokenRequest> = isClinicScopedRole(role) ? { clinics: 'all' } : {};
  return signLocalToken(localKeyFiles(dir), { role, subject, ...scope, ...overrides });
}

export async function bearer(
  role: Role,
  subject?: string,
  overrides: Partial<LocalTokenRequest> = {},
): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await testToken(role, subject, overrides)}` };
}
