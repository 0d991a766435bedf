import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { endSpan, PLATFORM_TRACER_NAME } from '@thc/observability';
import type { Request } from 'express';
import { Observable } from 'rxjs';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Puts the handling of every state-changing request (a command) in its own INTERNAL span,
 * `command <Controller>.<handler>`, so a trace shows where the command's work (decide, append,
 * projections) starts and ends, apart from routing, guards and serialisation. Attributes name
 * the command only, never its data.
 */
@Injectable()
export class CommandSpanInterceptor implements NestInterceptor {
  constructor(private readonly service: string) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') return next.handle();
    const request = execution.switchToHttp().getRequest<Request>();
    if (!COMMAND_METHODS.has(request.method)) return next.handle();
    const command = `${execution.getClass().name}.${execution.getHandler().name}`;
    return new Observable((subscriber) => {
      const span = trace.getTracer(PLATFORM_TRACER_NAME).startSpan(`command ${command}`, {
        kind: SpanKind.INTERNAL,
        attributes: { 'thc.command': command, 'thc.service': this.service },
      });
      // Subscribing inside the span's context runs the handler there, so its database and
      // messaging spans become the command's children.
      const subscription = context.with(trace.setSpan(context.active(), span), () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            endSpan(span, error);
            subscriber.error(error);
          },
          complete: () => {
            endSpan(span);
            subscriber.complete();
          },
        }),
      );
      return () => subscription.unsubscribe();
    });
  }
}
