import { INestApplication, Logger, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ServiceIdentity } from '../config/service-identity';

/** Applies the HTTP conventions every service shares; used by main.ts and by tests. */
export function configureHttp(app: INestApplication, identity: ServiceIdentity): void {
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(identity.title)
      .setDescription(identity.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Creates, configures and starts a service on PORT (or its default port). */
export async function bootstrapService(
  rootModule: Type<unknown>,
  identity: ServiceIdentity,
): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { bufferLogs: false });
  configureHttp(app, identity);
  const port = Number(process.env['PORT'] ?? identity.defaultPort);
  const host = process.env['HOST'] ?? '127.0.0.1';
  await app.listen(port, host);
  new Logger(identity.name).log(`listening on http://${host}:${port} (docs at /docs)`);
  return app;
}
