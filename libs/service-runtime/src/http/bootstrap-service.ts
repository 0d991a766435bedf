import { INestApplication, Logger, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { ServiceIdentity } from '../config/service-identity';
import { InvalidInputException } from './invalid-input.exception';
import { OperatorKeyPipe } from './operator-key.pipe';
import { ProblemDetailsFilter } from './problem-details.filter';

/** Largest JSON body any API accepts; larger requests get 413 before any parsing work. */
const BODY_LIMIT = process.env['HTTP_BODY_LIMIT'] ?? '100kb';

/**
 * Creates a service's HTTP application with the conventions every service shares: security
 * headers, a body size limit, input checks (operator keys, then class-validator DTOs with
 * whitelist and forbidNonWhitelisted), problem+json errors, OpenAPI at /docs, shutdown hooks.
 */
export async function createServiceApp(
  rootModule: Type<unknown>,
  identity: ServiceIdentity,
  options: { logger?: false | ('error' | 'warn' | 'log')[] } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    bodyParser: false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  app.useBodyParser('json', { limit: BODY_LIMIT, strict: true });
  app.use(helmet());
  app.disable('x-powered-by');
  app.useGlobalFilters(new ProblemDetailsFilter());
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
  app.enableShutdownHooks();
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

/** Creates and starts a service on PORT (or its default port); exits the process if it cannot. */
export async function bootstrapService(
  rootModule: Type<unknown>,
  identity: ServiceIdentity,
): Promise<INestApplication> {
  const logger = new Logger(identity.name);
  try {
    const app = await createServiceApp(rootModule, identity);
    const port = Number(process.env['PORT'] ?? identity.defaultPort);
    const host = process.env['HOST'] ?? '127.0.0.1';
    await app.listen(port, host);
    logger.log(`listening on http://${host}:${port} (docs at /docs)`);
    return app;
  } catch (error) {
    logger.error(`could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}
