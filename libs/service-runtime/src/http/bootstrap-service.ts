import { INestApplication, Logger, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Telemetry } from '@thc/observability';
import helmet from 'helmet';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { rateLimitSettingsFromEnv } from '../config/rate-limit.settings';
import { ServiceIdentity } from '../config/service-identity';
import { GracefulShutdown } from '../health/graceful-shutdown';
import { correlationMiddleware } from '../logging/correlation.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { BodylessRouteInterceptor } from './bodyless-route.interceptor';
import { CommandSpanInterceptor } from './command-span.interceptor';
import { InvalidInputException } from './invalid-input.exception';
import { OperatorKeyPipe } from './operator-key.pipe';
import { ProblemDetailsFilter } from './problem-details.filter';

/** Largest JSON body any API accepts; larger requests get 413 before any parsing work. */
const BODY_LIMIT = process.env['HTTP_BODY_LIMIT'] ?? '100kb';

/**
 * Creates a service's HTTP application with the conventions every service shares: JSON logs
 * through pino (unless `logger` asks for Nest's console logger, as tests do), a correlation id
 * per request, HTTP metrics, a span per command (state-changing request), security headers, a
 * body size limit, the client address behind TRUST_PROXY_HOPS proxies, input checks (no body
 * on a route that takes none, operator keys, then class-validator DTOs with whitelist and
 * forbidNonWhitelisted), problem+json errors, OpenAPI at /docs, and shutdown hooks (unless
 * `shutdownHooks: false`).
 */
export async function createServiceApp(
  rootModule: Type<unknown>,
  identity: ServiceIdentity,
  options: { logger?: false | ('error' | 'warn' | 'log')[]; shutdownHooks?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    bodyParser: false,
    ...(options.logger !== undefined ? { logger: options.logger } : { bufferLogs: true }),
  });
  if (options.logger === undefined) {
    app.useLogger(app.get(PinoNestLogger));
    // Nest would hold the buffered lines until the HTTP server listens: a start that fails or
    // hangs before that (an init hook, the port already taken) would leave no line at all.
    app.flushLogs();
  }
  // The client address (req.ip, which unauthenticated rate limits count by) is read from
  // X-Forwarded-For only as far back as the configured ingress hops: entries further left are
  // whatever the client wrote.
  app.set('trust proxy', rateLimitSettingsFromEnv().trustedProxyHops);
  app.use(correlationMiddleware);
  app.use(httpMetricsMiddleware);
  app.useBodyParser('json', { limit: BODY_LIMIT, strict: true });
  app.use(helmet());
  app.disable('x-powered-by');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(
    new CommandSpanInterceptor(identity.name),
    new BodylessRouteInterceptor(),
  );
  app.useGlobalPipes(
    new OperatorKeyPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => InvalidInputException.fromValidationErrors(errors),
    }),
  );
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  documentApi(app, identity);
  return app;
}

function documentApi(app: INestApplication, identity: ServiceIdentity): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(identity.title)
      .setDescription(identity.description)
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/**
 * Creates and starts a service on PORT (or its default port); exits the process if it cannot.
 * On SIGTERM or SIGINT it closes the application (readiness 503, listener closed, consumers and
 * relays drained: see `GracefulShutdown`), then flushes the spans still buffered, and exits 0;
 * a shutdown still running after `SHUTDOWN_TIMEOUT_MS` (30 s, under Kubernetes' default
 * grace period of the manifests) exits 1.
 */
export async function bootstrapService(
  rootModule: Type<unknown>,
  identity: ServiceIdentity,
  options: { telemetry?: Telemetry } = {},
): Promise<INestApplication> {
  const logger = new Logger(identity.name);
  const port = Number(process.env['PORT'] ?? identity.defaultPort);
  const host = process.env['HOST'] ?? '127.0.0.1';
  const progress = startupProgress(logger);
  try {
    const app = await createServiceApp(rootModule, identity, { shutdownHooks: false });
    progress.stage(
      `starting modules (init hooks: indexes, Kafka producers and consumers), then listening on ${host}:${port}`,
    );
    await app.listen(port, host);
    logger.log(`listening on http://${host}:${port} (docs at /docs)`);
    stopOnSignals(app, logger, options.telemetry);
    return app;
  } catch (error) {
    // Whatever Nest still buffers goes out first, so the lines before the failure are there too.
    Logger.flush();
    logger.error(`could not start: ${(error as Error).message}`);
    await options.telemetry?.shutdown().catch(() => undefined);
    process.exit(1);
  } finally {
    progress.done();
  }
}

/** Between two reports of a start-up that is still running. */
const STARTUP_REPORT_INTERVAL_MS = 15_000;

/**
 * Reports a start-up that takes long, every 15 s, at warn: what it is waiting for. A start that
 * hangs (a database or a broker that accepts connections and never answers) otherwise writes
 * nothing, at `LOG_LEVEL=warn` not even the lines Nest prints as it goes.
 */
function startupProgress(logger: Logger): { stage(name: string): void; done(): void } {
  const started = Date.now();
  let current = 'creating the application (MongoDB connection, event store indexes, providers)';
  const timer = setInterval(() => {
    // Lines Nest buffers until the JSON logger is attached are printed now, by its console logger.
    Logger.flush();
    logger.warn(`still starting after ${Math.round((Date.now() - started) / 1000)} s: ${current}`);
  }, STARTUP_REPORT_INTERVAL_MS);
  timer.unref();
  return {
    stage: (name) => (current = name),
    done: () => clearInterval(timer),
  };
}

function stopOnSignals(app: INestApplication, logger: Logger, telemetry?: Telemetry): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = Number(process.env['SHUTDOWN_TIMEOUT_MS'] ?? 30_000);
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    logger.log(`${signal} received: draining`);
    try {
      app.get(GracefulShutdown).signalled(signal);
      await app.close();
      await telemetry?.shutdown();
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void stop(s));
}
