import 'reflect-metadata';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS } from '@thc/contracts';
import { createServiceApp, DOCUMENTED_BODIES, ServiceIdentity } from '@thc/service-runtime';
import { plainToInstance } from 'class-transformer';
import { randomBytes } from 'node:crypto';
import { validate } from 'class-validator';
import { TestNamespace, walkRoutes } from '@thc/testing';
import type { OpenAPIV3 } from 'openapi-types';
import { AppModule as Analytics } from '../../../services/analytics/src/app.module';
import { serviceIdentity as analytics } from '../../../services/analytics/src/service.identity';
import { AppModule as ComplianceAudit } from '../../../services/compliance-audit/src/app.module';
import { serviceIdentity as complianceAudit } from '../../../services/compliance-audit/src/service.identity';
import { complianceTestEnv } from '../../../services/compliance-audit/src/testing/compliance-test-app';
import { AppModule as Notifications } from '../../../services/notifications/src/app.module';
import { serviceIdentity as notifications } from '../../../services/notifications/src/service.identity';
import { AppModule as Scheduling } from '../../../services/scheduling/src/app.module';
import { serviceIdentity as scheduling } from '../../../services/scheduling/src/service.identity';
import { AppModule as Sessions } from '../../../services/sessions/src/app.module';
import { serviceIdentity as sessions } from '../../../services/sessions/src/service.identity';
import { AppModule as Training } from '../../../services/training/src/app.module';
import { serviceIdentity as training } from '../../../services/training/src/service.identity';
import {
  misdocumentedRoles,
  operationsOf,
  RoutePolicy,
  undocumentedOperations,
} from './support/openapi-walk';

/** `GET /api/v1/appointments/:id (Controller.method)` as `GET` and `/api/v1/appointments/{id}`. */
function routePolicies(app: NestExpressApplication): RoutePolicy[] {
  return walkRoutes(app).flatMap(({ route, policy }) => {
    const [method = '', path = ''] = route.split(' ');
    if (!policy) return [];
    return [
      {
        method,
        path: path.replace(/\/+/g, '/').replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
        roles: policy.kind === 'public' ? 'public' : policy.roles,
      },
    ];
  });
}

const services: readonly (readonly [string, ServiceIdentity, Type<unknown>])[] = [
  [scheduling.name, scheduling, Scheduling],
  [sessions.name, sessions, Sessions],
  [training.name, training, Training],
  [complianceAudit.name, complianceAudit, ComplianceAudit],
  [analytics.name, analytics, Analytics],
  [notifications.name, notifications, Notifications],
];

// The document is what client teams code against: an operation that does not say who may call
// it, what patient data it returns, how it fails and what a request looks like fails here,
// so the document can not fall behind the code.
describe('the OpenAPI document of every service', () => {
  const ns = new TestNamespace('openapi-contract');
  beforeAll(async () => {
    complianceTestEnv(ns, {
      // Notifications will not start without a key to look people up by mobile number.
      PHI_MASTER_KEYS: `openapi:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
  });
  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await ns.dispose();
  });

  describe.each(services)('%s', (_, identity, module) => {
    let app: NestExpressApplication | undefined;
    let document: OpenAPIV3.Document;

    beforeAll(async () => {
      app = await createServiceApp(module, identity, { logger: ['error'] });
      await app.listen(0, '127.0.0.1');
      const response = await fetch(`${await app.getUrl()}/docs-json`);
      expect(response.status).toBe(200);
      document = (await response.json()) as OpenAPIV3.Document;
    });
    afterAll(() => app?.close());

    it('is a valid OpenAPI 3 document', async () => {
      // The validator dereferences in place; it gets a copy so the walk sees the served $refs.
      await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
      expect(operationsOf(document).length).toBeGreaterThan(0);
    });

    it('documents every operation: summary, roles, PHI, problem+json errors, typed answers, example request', () => {
      expect(undocumentedOperations(document)).toEqual([]);
    });

    it('names in each description the roles its route admits', () => {
      expect(misdocumentedRoles(document, routePolicies(app!))).toEqual([]);
    });
  });
});

// Client teams copy the example requests first: each documented body passes the checks of a
// real request (the global ValidationPipe's options).
describe('the example request body of every operation', () => {
  it('is collected from every service that takes a body', () => {
    expect(DOCUMENTED_BODIES.length).toBeGreaterThan(20);
  });

  it.each(DOCUMENTED_BODIES.map((body) => [body.summary, body] as const))(
    '%s: a valid request',
    async (_, { type, example }) => {
      const errors = await validate(plainToInstance(type as Type<object>, example), {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
      });
      expect(errors.flatMap(String)).toEqual([]);
    },
  );
});
