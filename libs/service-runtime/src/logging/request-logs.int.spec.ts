import 'reflect-metadata';
import { INestApplication, Module } from '@nestjs/common';
import { captureTelemetry, TelemetryCapture, TestNamespace } from '@thc/testing';
import { ServiceIdentity } from '../config/service-identity';
import { createServiceApp } from '../http/bootstrap-service';
import { PlatformModule } from '../platform.module';

const identity: ServiceIdentity = {
  name: 'training',
  defaultPort: 0,
  title: 'request log test',
  description: 'a service with only the shared platform module',
};

@Module({ imports: [PlatformModule.forService(identity)] })
class LoggedModule {}

describe('request logs and HTTP metrics', () => {
  const ns = new TestNamespace('request-logs');
  let telemetry: TelemetryCapture;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    Object.assign(process.env, { MONGO_DB_PREFIX: ns.databasePrefix, LOG_LEVEL: 'info' });
    telemetry = captureTelemetry();
    app = await createServiceApp(LoggedModule, identity);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    telemetry.stop();
    delete process.env['LOG_LEVEL'];
    await ns.dispose();
  });

  it('writes one JSON line per request with service and correlation id, and no token, header or query string', async () => {
    const response = await fetch(`${url}/api/v1/patients?name=Quintanilla&phone=6175550142`, {
      headers: { authorization: 'Bearer secret-token-value', 'x-correlation-id': 'corr-77' },
    });
    expect(response.headers.get('x-correlation-id')).toBe('corr-77');

    const line = telemetry
      .logs()
      .split('\n')
      .find((l) => l.includes('"corr-77"') && l.includes('request completed'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({
      level: 'info',
      service: 'training',
      correlation_id: 'corr-77',
      req: { method: 'GET', path: '/api/v1/patients' },
      res: { statusCode: response.status },
    });
    expect(telemetry.logs()).not.toMatch(/secret-token-value|Quintanilla|6175550142/);
  });

  it('gives a request without a usable correlation id a fresh one', async () => {
    const response = await fetch(`${url}/health/live`, {
      headers: { 'x-correlation-id': 'bad id' },
    });
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts requests by route template, leaving probes out', async () => {
    await fetch(`${url}/docs-json`);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(
      /http_server_request_duration_seconds_count\{method="GET",route="\/docs-json",status_code="200"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /http_server_request_duration_seconds_count\{method="GET",route="unmatched",status_code="\d+"\} [1-9]/,
    );
    expect(metrics).not.toContain('route="/health/live"');
  });
});
