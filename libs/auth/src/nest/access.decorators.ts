import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Principal } from '../principal';
import { Role } from '../roles';

export const ACCESS_POLICY = 'thc:access-policy';

/** What a route admits. A route with none is refused: access is denied by default. */
export type AccessPolicy =
  { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** Open to anyone, without a token (health, metrics). */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Open to bearers of a valid token with one of these roles. */
export const Roles = (...roles: [Role, ...Role[]]) =>
  SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy);

/** The policy declared on the handler, else on its controller. */
export function accessPolicyOf(
  reflector: Reflector,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest's handler type
  targets: [Function, Function],
): AccessPolicy | undefined {
  return reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, targets);
}

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The verified caller; only on routes with a `@Roles` policy. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal)
      throw new Error('CurrentPrincipal used on a route without an authenticated caller');
    return principal;
  },
);
