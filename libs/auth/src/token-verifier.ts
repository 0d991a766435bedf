import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  JSONWebKeySet,
  jwtVerify,
  JWTVerifyGetKey,
} from 'jose';
import { AuthenticationError } from './authentication.error';
import { AuthSettings } from './auth-settings';
import type { ClinicScope } from './clinic-scope';
import { Principal } from './principal';
import { isRole } from './roles';

/** A bearer token rides in a header: an organization-wide scope is `"*"`, not a long list. */
const MAX_CLINICS_IN_TOKEN = 200;

/** Only asymmetric algorithms: a service must never hold a key that can mint tokens. */
const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'RS384', 'PS256', 'EdDSA'];

/** Verifies bearer JWTs: signature against the key set, issuer, audience, expiry with tolerance. */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: AuthSettings) {
    this.keys = settings.jwksUrl
      ? createRemoteJWKSet(new URL(settings.jwksUrl), {
          cooldownDuration: 30_000,
          cacheMaxAge: 600_000,
        })
      : createLocalJWKSet(
          JSON.parse(readFileSync(settings.localJwksPath ?? '', 'utf8')) as JSONWebKeySet,
        );
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      const claimed: unknown[] = Array.isArray(payload['roles'])
        ? payload['roles']
        : [payload['role']];
      const roles = claimed.filter(isRole);
      if (roles.length === 0) throw new AuthenticationError('token carries no known role');
      const organizationId = stringClaim(payload['org'], 'org');
      const expected = this.settings.organizationId;
      if (expected !== undefined && organizationId !== expected)
        throw new AuthenticationError('token was issued for another organization');
      const clinics = clinicsClaim(payload['clinics']);
      return {
        subject: payload.sub ?? '',
        roles,
        ...(payload.jti ? { tokenId: payload.jti } : {}),
        ...(organizationId === undefined ? {} : { organizationId }),
        ...(clinics === undefined ? {} : { clinics }),
      };
    } catch (error) {
      throw toAuthenticationError(error);
    }
  }
}

function stringClaim(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 128)
    throw new AuthenticationError(`token claim "${name}" is not accepted`);
  return value;
}

/** `"*"` (or `["*"]`) is every clinic of the organization; otherwise a list of clinic ids. */
function clinicsClaim(value: unknown): ClinicScope | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return 'all';
  const valid =
    Array.isArray(value) &&
    value.length <= MAX_CLINICS_IN_TOKEN &&
    value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 128);
  if (!valid) throw new AuthenticationError('token claim "clinics" is not accepted');
  const ids = value as string[];
  return ids.includes('*') ? 'all' : ids;
}

function toAuthenticationError(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('token expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthenticationError(`token claim "${error.claim}" is not accepted`);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey
  ) {
    return new AuthenticationError('token signature is not valid');
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AuthenticationError('token algorithm is not accepted');
  return new AuthenticationError('token is malformed');
}
