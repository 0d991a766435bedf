import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { accessPolicyOf, AuthenticatedRequest } from '@thc/auth';
import { from, Observable, switchMap } from 'rxjs';
import { PHI_READ, PhiReadDeclaration } from './phi-read.decorator';
import { PhiAccessRecorder } from './phi-access.recorder';
import { purposeOfUse } from './purpose-of-use';

interface Request extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** Records every PHI disclosure of a `@PhiRead` route before the response leaves. */
@Injectable()
export class PhiAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly recorder: PhiAccessRecorder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const declaration = this.reflector.get<PhiReadDeclaration | undefined>(
      PHI_READ,
      context.getHandler(),
    );
    if (!declaration) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const principal = request.principal;
    if (!principal) throw new Error('@PhiRead on a route without an authenticated caller');
    const policy = accessPolicyOf(this.reflector, [context.getHandler(), context.getClass()]);
    const admitted = policy?.kind === 'roles' ? policy.roles : undefined;
    const header = request.headers['x-purpose-of-use'];
    // Decided before the handler runs: a refused purpose reads nothing.
    const purpose = purposeOfUse(Array.isArray(header) ? header[0] : header, principal, admitted);
    return next.handle().pipe(
      switchMap((response) =>
        from(
          this.recorder
            .record({
              principal,
              patientIds: declaration.patients(response),
              resource: declaration.resource,
              ...(declaration.resourceId?.(response)
                ? { resourceId: declaration.resourceId(response) }
                : {}),
              action: declaration.action ?? 'read',
              purpose,
              ...(admitted ? { admitted } : {}),
              at: new Date(),
            })
            .then(
              () => response,
              () => {
                throw new ServiceUnavailableException(
                  'the access could not be recorded, so the data is withheld',
                );
              },
            ),
        ),
      ),
    );
  }
}
