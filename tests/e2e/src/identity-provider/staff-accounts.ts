import { randomUUID } from 'node:crypto';

/**
 * A person as the health system's identity provider knows them: how they sign in, and the
 * claims their access token carries to the services (`roles`, `clinics`, `org`; the subject is
 * their id in the platform's directory).
 */
export interface StaffAccount {
  readonly id: string;
  readonly username: string;
  readonly password: string;
  readonly name: string;
  readonly roles: readonly string[];
  /** `*` is every clinic of the organization. */
  readonly clinics: '*' | readonly string[];
}

export interface StaffAccounts {
  readonly organizationId: string;
  readonly clinicId: string;
  readonly coordinator: StaffAccount;
  readonly analyst: StaffAccount;
  readonly all: readonly StaffAccount[];
}

/** Two staff of one organization: a coordinator covering one clinic, and an analyst. */
export function staffAccounts(): StaffAccounts {
  const clinicId = randomUUID();
  const coordinator: StaffAccount = {
    id: randomUUID(),
    username: 'rosa.alvarez',
    password: randomUUID(),
    name: 'Rosa Alvarez',
    roles: ['coordinator'],
    clinics: [clinicId],
  };
  const analyst: StaffAccount = {
    id: randomUUID(),
    username: 'sam.okafor',
    password: randomUUID(),
    name: 'Sam Okafor',
    roles: ['analyst'],
    clinics: '*',
  };
  return {
    organizationId: randomUUID(),
    clinicId,
    coordinator,
    analyst,
    all: [coordinator, analyst],
  };
}
