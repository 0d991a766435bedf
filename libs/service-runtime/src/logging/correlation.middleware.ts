import { withCorrelationId, acceptedCorrelationId } from '@thc/observability';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Header a caller may send to tie its request to its own logs; echoed on every response. */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Gives each request a correlation id (the caller's `x-correlation-id` when well formed, else a
 * new UUID), echoes it on the response, makes it the request id of the request log, and the
 * current correlation id of everything the request runs.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = acceptedCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID();
  (req as Request & { id?: string }).id = id;
  res.setHeader(CORRELATION_HEADER, id);
  withCorrelationId(id, next);
}
