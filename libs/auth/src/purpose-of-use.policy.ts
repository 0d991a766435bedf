import { Principal } from './principal';
import { Role, ROLES } from './roles';

/** The HIPAA purposes of use a PHI read can be recorded with. */
export const PURPOSES = [
  'treatment',
  'payment',
  'operations',
  'patient-request',
  'audit',
  'legal',
] as const;
export type PurposeOfUse = (typeof PURPOSES)[number];

export function isPurposeOfUse(value: unknown): value is PurposeOfUse {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}

/**
 * The purposes each role may read PHI for; the first is the role's usual purpose, taken when
 * the caller states none. `audit` and `legal` exempt a read from the care-relationship rules,
 * so only the auditor (the privacy officer) may claim them; `patient-request` is the patient's
 * own right of access, so only the patient may.
 */
export const PURPOSES_BY_ROLE = {
  patient: ['patient-request'],
  provider: ['treatment', 'payment', 'operations'],
  coordinator: ['operations', 'payment'],
  trainer: ['operations'],
  auditor: ['audit', 'legal'],
  analyst: ['operations'],
  admin: ['operations', 'payment'],
} as const satisfies Record<Role, readonly [PurposeOfUse, ...PurposeOfUse[]]>;

export function purposeAllowed(role: Role, purpose: string): boolean {
  return (PURPOSES_BY_ROLE[role] as readonly string[]).includes(purpose);
}

// A caller holding several roles reads first as a provider, then as a patient, then as an
// auditor: the order their usual purposes were always chosen in.
const PRECEDENCE: readonly Role[] = [
  ...new Set<Role>(['provider', 'patient', 'auditor', ...ROLES]),
];

/** Which of the caller's roles a read is made in: those the route admits (all, when none named). */
function rolesInPlay(principal: Principal, admitted?: readonly Role[]): Role[] {
  return PRECEDENCE.filter(
    (role) => principal.roles.includes(role) && (!admitted || admitted.includes(role)),
  );
}

export type PurposeDecision =
  | { readonly allowed: true; readonly purpose: PurposeOfUse }
  | { readonly allowed: false; readonly status: 400 | 403; readonly reason: string };

/**
 * The purpose a read is recorded with: the one the caller stated, if it is a purpose and one of
 * their roles admitted by the route may read for it; else, when none is stated, the usual
 * purpose of the first such role. A purpose the caller's roles may not use is refused (403)
 * before anything is read, so that no role can exempt itself from the care rules by saying so.
 */
export function decidePurposeOfUse(
  stated: string | undefined,
  principal: Principal,
  admitted?: readonly Role[],
): PurposeDecision {
  const roles = rolesInPlay(principal, admitted);
  if (stated === undefined) {
    const [role] = roles;
    return { allowed: true, purpose: role ? PURPOSES_BY_ROLE[role][0] : 'operations' };
  }
  if (!isPurposeOfUse(stated))
    return {
      allowed: false,
      status: 400,
      reason: `X-Purpose-Of-Use must be one of: ${PURPOSES.join(', ')}`,
    };
  if (roles.some((role) => purposeAllowed(role, stated))) return { allowed: true, purpose: stated };
  const may = [...new Set(roles.flatMap((role) => PURPOSES_BY_ROLE[role]))];
  return {
    allowed: false,
    status: 403,
    reason: `X-Purpose-Of-Use: the role ${roles.join(' or ') || 'of this token'} may not read for ${stated}${may.length > 0 ? ` (only ${may.join(', ')})` : ''}`,
  };
}

/**
 * The role that granted a read of one patient's record, as the disclosure record names it: a
 * role in play that may read for the purpose, the patient role only for the patient's own
 * record. When none fits (a route that let a read through that it should not have), the first
 * role in play is named, so the audit sees the mismatch instead of a role that looks right.
 */
export function grantingRole(
  principal: Principal,
  purpose: PurposeOfUse,
  patientId: string,
  admitted?: readonly Role[],
): Role {
  const roles = rolesInPlay(principal, admitted);
  const granting = roles.find(
    (role) =>
      purposeAllowed(role, purpose) && (role !== 'patient' || principal.subject === patientId),
  );
  const named = granting ?? roles[0] ?? principal.roles[0];
  if (!named) throw new Error('a principal without a role cannot read PHI');
  return named;
}
