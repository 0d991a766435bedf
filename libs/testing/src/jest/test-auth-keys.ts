import { join } from 'node:path';
// Global setup runs outside Jest's module mapping, so the auth lib is reached by path here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ensureLocalKeys } from '../../../auth/src/keys/local-keys';

/** Signing keys for the test run; services under test verify against their JWKS. */
export async function provideTestAuthKeys(workspace: string): Promise<void> {
  const dir = join(workspace, 'tmp', 'test-auth');
  const files = await ensureLocalKeys(dir);
  process.env['THC_TEST_AUTH_DIR'] = dir;
  process.env['AUTH_LOCAL_JWKS'] ??= files.jwksPath;
}
