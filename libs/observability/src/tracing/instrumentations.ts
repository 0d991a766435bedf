import { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';

// Probes and scrapes every few seconds would otherwise be most of the traces.
const UNTRACED_PATHS = /^\/(health\/(live|ready)|metrics)(\?|\/|$)/;

/**
 * What the services trace automatically. Nothing here records payloads: HTTP spans carry
 * method, route and status (no headers, no bodies); MongoDB statements have every value
 * replaced by `?` (the instrumentation's default without enhanced reporting), mongoose spans
 * carry no statement. PHI therefore cannot reach the trace backend through them.
 */
export function platformInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ''),
      // Query strings may carry search terms; the route and path are enough to follow a request.
      requestHook: (span, request) => {
        const url = 'url' in request && typeof request.url === 'string' ? request.url : '';
        const query = url.indexOf('?');
        if (query < 0) return;
        span.setAttribute('url.query', 'REDACTED');
        span.setAttribute('http.target', url.slice(0, query));
      },
      // Express has matched the route by the time the response finishes: name the server span
      // after the route template (`POST /api/v1/appointments`), never the path with its ids.
      applyCustomAttributesOnSpan: (span, request) => {
        const matched = request as {
          method?: string;
          baseUrl?: string;
          route?: { path?: unknown };
        };
        // Nest's catch-all for unknown paths is no route worth naming.
        if (typeof matched.route?.path !== 'string' || matched.route.path.includes('*')) return;
        const route = `${matched.baseUrl ?? ''}${matched.route.path}`;
        span.setAttribute('http.route', route);
        span.updateName(`${matched.method ?? 'GET'} ${route}`);
      },
    }),
    new NestInstrumentation(),
    new KafkaJsInstrumentation(),
    new MongoDBInstrumentation({ enhancedDatabaseReporting: false }),
    new MongooseInstrumentation(),
  ];
}
