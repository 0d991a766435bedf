/** The roles a bearer token can carry; each route declares which of them it admits. */
export const ROLES = [
  'patient',
  'provider',
  'coordinator',
  'trainer',
  'auditor',
  'analyst',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
