import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Observable } from 'rxjs';
import { InvalidInputException } from './invalid-input.exception';
import { BodyOfRequest, carriesBody } from './request-body';

/**
 * Refuses a body sent to a route whose handler declares no `@Body()` (400 naming `body`).
 * Such a body never reaches a DTO, so neither the whitelist nor the operator-key check sees
 * it: refusing it here keeps a route from silently accepting, and a future change from
 * silently reading, input nobody validated.
 */
@Injectable()
export class BodylessRouteInterceptor implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<BodyOfRequest>();
    if (!this.routeTakesBody(context) && carriesBody(request)) {
      throw new InvalidInputException([{ name: 'body', reason: 'this route takes no body' }]);
    }
    return next.handle();
  }

  private routeTakesBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let known = this.takesBody.get(handler);
    if (known === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ??
        {}) as Record<string, unknown>;
      const bodyKinds = [RouteParamtypes.BODY, RouteParamtypes.RAW_BODY].map(String);
      known = Object.keys(args).some((key) => bodyKinds.includes(key.split(':')[0] ?? ''));
      this.takesBody.set(handler, known);
    }
    return known;
  }
}
