import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, JWK, SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from './auth-settings';
import { ensureLocalKeys, LocalKeyFiles, signLocalToken } from './keys/local-keys';
import { TokenVerifier } from './token-verifier';

describe('bearer token verification', () => {
  const dirs: string[] = [];
  let keys: LocalKeyFiles;
  let otherKeys: LocalKeyFiles;
  let verifier: TokenVerifier;

  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'thc-auth-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    keys = await ensureLocalKeys(tempDir());
    otherKeys = await ensureLocalKeys(tempDir());
    verifier = new TokenVerifier({
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
      localJwksPath: keys.jwksPath,
      clockToleranceSeconds: 30,
    });
  });

  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('accepts a token signed by a known key and returns the caller', async () => {
    const token = await signLocalToken(keys, { role: 'coordinator', subject: 'staff-7' });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'staff-7',
      roles: ['coordinator'],
    });
  });

  it.each([
    ['an expired token', { ttlSeconds: -120 }, 'token expired'],
    ['a token for another audience', { audience: 'billing' }, 'token claim "aud" is not accepted'],
    [
      'a token from another issuer',
      { issuer: 'https://evil.example' },
      'token claim "iss" is not accepted',
    ],
  ])('refuses %s', async (_, overrides, reason) => {
    const token = await signLocalToken(keys, { role: 'patient', subject: 'p-1', ...overrides });
    await expect(verifier.verify(token)).rejects.toThrow(reason);
  });

  it('accepts a token that expired within the clock tolerance', async () => {
    const token = await signLocalToken(keys, { role: 'patient', subject: 'p-1', ttlSeconds: -10 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'p-1' });
  });

  it('refuses a token signed by a key it does not know', async () => {
    const token = await signLocalToken(otherKeys, { role: 'admin', subject: 'mallory' });
    await expect(verifier.verify(token)).rejects.toThrow('token signature is not valid');
  });

  it('refuses a symmetric (HS256) token even if it names a known key id', async () => {
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(DEFAULT_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-secret-anyone-could-guess-123456'));
    await expect(verifier.verify(token)).rejects.toThrow('token algorithm is not accepted');
  });

  it('refuses an unsigned token (alg none) and garbage', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'] })).toString('base64url');
    await expect(verifier.verify(`${header}.${body}.`)).rejects.toThrow();
    await expect(verifier.verify('not-a-jwt')).rejects.toThrow('token is malformed');
  });

  it('refuses a valid token whose roles are all unknown', async () => {
    const token = await signLocalToken(keys, { role: 'superuser' as never, subject: 'x' });
    await expect(verifier.verify(token)).rejects.toThrow('token carries no known role');
  });

  describe('the clinics and organization a staff token acts for', () => {
    it('reads the clinics claim and the organization', async () => {
      const token = await signLocalToken(keys, {
        role: 'coordinator',
        subject: 'staff-7',
        organizationId: 'org-1',
        clinics: ['c-1', 'c-2'],
      });
      await expect(verifier.verify(token)).resolves.toEqual({
        subject: 'staff-7',
        roles: ['coordinator'],
        organizationId: 'org-1',
        clinics: ['c-1', 'c-2'],
      });
    });

    it('reads "*" as every clinic of the organization', async () => {
      const token = await signLocalToken(keys, { role: 'admin', subject: 'a', clinics: 'all' });
      await expect(verifier.verify(token)).resolves.toMatchObject({ clinics: 'all' });
    });

    it('refuses a clinics claim that is not a list of ids', async () => {
      const jwk = JSON.parse(readFileSync(keys.privateKeyPath, 'utf8')) as JWK & { kid: string };
      const keyId = jwk.kid;
      const privateKey = await importJWK(jwk, 'ES256');
      const token = await new SignJWT({ roles: ['coordinator'], clinics: [{ $ne: 1 }] })
        .setProtectedHeader({ alg: 'ES256', kid: keyId })
        .setSubject('s')
        .setIssuer(DEFAULT_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setExpirationTime('1h')
        .sign(privateKey);
      await expect(verifier.verify(token)).rejects.toThrow('token claim "clinics" is not accepted');
    });

    it('refuses a token for another organization when the deployment names its own', async () => {
      const own = new TokenVerifier({
        issuer: DEFAULT_ISSUER,
        audience: DEFAULT_AUDIENCE,
        localJwksPath: keys.jwksPath,
        clockToleranceSeconds: 30,
        organizationId: 'org-1',
      });
      const foreign = await signLocalToken(keys, {
        role: 'admin',
        subject: 'a',
        organizationId: 'org-2',
        clinics: 'all',
      });
      const none = await signLocalToken(keys, { role: 'admin', subject: 'a', clinics: 'all' });
      await expect(own.verify(foreign)).rejects.toThrow('issued for another organization');
      await expect(own.verify(none)).rejects.toThrow('issued for another organization');
    });
  });
});
