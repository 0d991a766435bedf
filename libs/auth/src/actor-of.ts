import type { Principal } from './principal';
import type { Role } from './roles';

/** A signed-in caller as an event actor: by id and role, never by name. */
export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly role: Role;
}

/**
 * The event actor for a caller. A token may carry several roles; the event records the one the
 * caller acts in, which is the first of the service's `precedence` they hold. A caller holding
 * none of them (or a service that gives no precedence) is recorded in their token's first role,
 * and a token without roles as `admin`.
 */
export function actorOf(principal: Principal, precedence: readonly Role[] = []): UserActor {
  const role = precedence.find((r) => principal.roles.includes(r)) ?? principal.roles[0] ?? 'admin';
  return { kind: 'user', userId: principal.subject, role };
}
