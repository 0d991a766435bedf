import { Principal, Role } from '@thc/auth';
import type { Actor } from '../domain/session.events';

const PRECEDENCE: readonly Role[] = ['admin', 'coordinator', 'provider', 'patient'];

/** The event actor for a caller: their id and the most privileged role they act in here. */
export function actorOf(principal: Principal): Actor {
  const role = PRECEDENCE.find((r) => principal.roles.includes(r)) ?? principal.roles[0] ?? 'admin';
  return { kind: 'user', userId: principal.subject, role };
}
