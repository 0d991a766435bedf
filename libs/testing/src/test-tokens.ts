import { LocalTokenRequest, localKeyFiles, Role, signLocalToken } from '@thc/auth';

/** A bearer token the services under test accept (keys made by the integration global setup). */
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
  return signLocalToken(localKeyFiles(dir), { role, subject, ...overrides });
}

export async function bearer(role: Role, subject?: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await testToken(role, subject)}` };
}
