import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '../auth-settings';
import { Role } from '../roles';
import type { ClinicScope } from '../clinic-scope';

/** Development signing keys kept in a local folder; production keys live with the OIDC provider. */
export interface LocalKeyFiles {
  readonly privateKeyPath: string;
  readonly jwksPath: string;
}

export function localKeyFiles(dir: string): LocalKeyFiles {
  return {
    privateKeyPath: join(dir, 'signing-key.private.jwk.json'),
    jwksPath: join(dir, 'jwks.json'),
  };
}

/** Creates an ES256 key pair in `dir` unless one is there; returns the file paths. */
export async function ensureLocalKeys(dir: string): Promise<LocalKeyFiles> {
  const files = localKeyFiles(dir);
  if (existsSync(files.privateKeyPath) && existsSync(files.jwksPath)) return files;
  mkdirSync(dir, { recursive: true });
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  writeFileSync(files.privateKeyPath, JSON.stringify(privateJwk), { mode: 0o600 });
  chmodSync(files.privateKeyPath, 0o600);
  writeFileSync(
    files.jwksPath,
    JSON.stringify({ keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] }),
  );
  return files;
}

export interface LocalTokenRequest {
  readonly role: Role;
  readonly subject: string;
  /** Lifetime in seconds; default one hour. */
  readonly ttlSeconds?: number;
  readonly issuer?: string;
  readonly audience?: string;
  /** `org` claim. */
  readonly organizationId?: string;
  /** `clinics` claim: clinic ids, or `all` (written `"*"`). */
  readonly clinics?: ClinicScope;
}

/** Signs a development token with the local private key. */
export async function signLocalToken(
  files: LocalKeyFiles,
  request: LocalTokenRequest,
): Promise<string> {
  const jwk = JSON.parse(readFileSync(files.privateKeyPath, 'utf8')) as JWK & { kid: string };
  const key = await importJWK(jwk, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  const scope = {
    ...(request.organizationId === undefined ? {} : { org: request.organizationId }),
    ...(request.clinics === undefined
      ? {}
      : { clinics: request.clinics === 'all' ? '*' : [...request.clinics] }),
  };
  return new SignJWT({ roles: [request.role], ...scope })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(request.issuer ?? DEFAULT_ISSUER)
    .setAudience(request.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (request.ttlSeconds ?? 3600))
    .sign(key);
}
