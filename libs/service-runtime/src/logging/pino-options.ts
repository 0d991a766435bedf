import { logTraceFields } from '@thc/observability';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import pino from 'pino';
import type { Options } from 'pino-http';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type Level = (typeof LEVELS)[number];
const QUIET_PATHS = /^\/(health\/(live|ready)|metrics)(\?|\/|$)/;

/**
 * `LOG_LEVEL` (validated with the rest of the environment), else `info`; `warn` under Jest,
 * where request lines of hundreds of test requests would bury the test output.
 */
export function logLevelFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Level {
  const wanted = env['LOG_LEVEL'];
  if (wanted !== undefined && (LEVELS as readonly string[]).includes(wanted))
    return wanted as Level;
  return env['NODE_ENV'] === 'test' ? 'warn' : 'info';
}

/**
 * One JSON object per line on stdout: ISO time, level name, `service`, `trace_id`/`span_id`
 * of the active span, `correlation_id`, the message. Request lines name method, path (query
 * strings left out: they can carry search terms), status and duration, never headers or
 * bodies, so no token and no PHI reaches the logs through them.
 */
export function pinoHttpOptions(service: string): Options<IncomingMessage, ServerResponse> {
  return {
    level: logLevelFromEnv(),
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => logTraceFields(),
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? 'error' : 'info',
    autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
    quietReqLogger: true,
  };
}
