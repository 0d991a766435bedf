import { Principal } from '@thc/auth';

/** The caller as an event actor: id and role, never a name. */
export function actorOf(principal: Principal) {
  return { kind: 'user', userId: principal.subject, role: principal.roles[0] ?? 'admin' } as const;
}
