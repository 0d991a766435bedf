import { sharedCounter, sharedHistogram } from '@thc/observability';
import type { NextFunction, Request, Response } from 'express';

const UNMEASURED = /^\/(health\/(live|ready)|metrics)(\?|\/|$)/;

const duration = sharedHistogram({
  name: 'http_server_request_duration_seconds',
  help: 'Duration of HTTP requests by method, route template and status code (rate, errors and latency).',
  labelNames: ['method', 'route', 'status_code'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

const aborted = sharedCounter({
  name: 'http_server_requests_aborted_total',
  help: 'HTTP requests whose client went away before the response was sent.',
  labelNames: ['method', 'route'],
});

// Nest answers paths no controller declares through a catch-all route.
function routeTemplate(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && !path.includes('*') ? `${req.baseUrl}${path}` : 'unmatched';
}

/**
 * Records every API request in `http_server_request_duration_seconds` (its `_count` is the
 * request rate, `status_code=~"5.."` the errors, the buckets the latency). The route label is
 * the route template (`/api/v1/appointments/:id`), never the raw path, so ids do not multiply
 * series; a path no route matched is `unmatched`. Probes and scrapes are left out.
 */
export function httpMetricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (UNMEASURED.test(req.url)) return next();
  const started = process.hrtime.bigint();
  const labels = () => ({ method: req.method, route: routeTemplate(req) });
  res.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    duration.observe({ ...labels(), status_code: String(res.statusCode) }, seconds);
  });
  res.once('close', () => {
    if (!res.writableFinished) aborted.inc(labels());
  });
  next();
}
