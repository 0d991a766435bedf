import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { NotReadyException } from '../health/not-ready.exception';
import { InvalidInputException } from './invalid-input.exception';
import { problem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';

interface HttpResponse {
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
  headersSent: boolean;
}

/**
 * Turns every error into problem+json. Client errors keep their message; anything else
 * becomes a bare 500 so no stack trace, query or internal detail reaches a client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<HttpResponse>();
    const request = http.getRequest<{ originalUrl?: string; method?: string }>();
    const body = this.toProblem(exception, request.originalUrl);
    // A failed readiness check logged its reasons as a warning already; a probe every few
    // seconds must not add an error with a stack trace each time.
    if (body.status >= 500 && !(exception instanceof NotReadyException)) {
      this.logger.error(
        `${request.method} ${request.originalUrl} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (response.headersSent) return;
    if (body.status === 401) response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    response.status(body.status).json(body);
  }

  private toProblem(exception: unknown, instance: string | undefined): ProblemDetails {
    const where = instance ? { instance: instance.split('?')[0] } : {};
    if (exception instanceof InvalidInputException) {
      return problem(400, exception.message, {
        ...where,
        'invalid-params': exception.invalidParams,
      });
    }
    if (exception instanceof HttpException) {
      return problem(exception.getStatus(), messageOf(exception), {
        ...where,
        ...healthExtensions(exception),
      });
    }
    const status = httpStatusOfBodyParserError(exception);
    if (status)
      return problem(
        status,
        status === 413 ? 'request body is too large' : 'request body is not valid JSON',
        where,
      );
    return problem(500, 'the service could not complete the request', where);
  }
}

/** A failed readiness check keeps terminus' per-dependency report, so the 503 names what is down. */
function healthExtensions(exception: HttpException): Record<string, unknown> {
  const response = exception.getResponse() as {
    status?: unknown;
    error?: unknown;
    info?: unknown;
    details?: unknown;
  };
  if (
    typeof response !== 'object' ||
    (response.status !== 'error' && response.status !== 'shutting_down') ||
    typeof response.details !== 'object'
  )
    return {};
  return { error: response.error, info: response.info, details: response.details };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** body-parser raises plain errors carrying a 4xx status (malformed JSON, too large). */
function httpStatusOfBodyParserError(exception: unknown): number | undefined {
  const status = (exception as { status?: unknown; type?: unknown } | null)?.status;
  const type = (exception as { type?: unknown } | null)?.type;
  return typeof status === 'number' && status >= 400 && status < 500 && typeof type === 'string'
    ? status
    : undefined;
}
