import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError } from '../authentication.error';
import { hasAnyRole } from '../principal';
import { TokenVerifier } from '../token-verifier';
import { accessPolicyOf, AuthenticatedRequest } from './access.decorators';

interface HttpRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Global guard: 401 when the token is missing or invalid, 403 when the role does not fit or
 * the route declares no policy at all (deny by default).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = accessPolicyOf(this.reflector, [context.getHandler(), context.getClass()]);
    if (!policy)
      throw new ForbiddenException('this route declares no access policy, so it is closed');
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const token = bearerToken(request.headers['authorization']);
    if (!token) throw new UnauthorizedException('a bearer token is required');
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof AuthenticationError) throw new UnauthorizedException(error.reason);
      throw error;
    }
    if (!hasAnyRole(request.principal, policy.roles)) {
      throw new ForbiddenException(`this route requires the role ${policy.roles.join(' or ')}`);
    }
    return true;
  }
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(value ?? '');
  return match?.[1];
}
