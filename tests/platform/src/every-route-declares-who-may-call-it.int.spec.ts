import 'reflect-metadata';
import { INestApplication, Type } from '@nestjs/common';
import { createServiceApp, ServiceIdentity } from '@thc/service-runtime';
import { TestNamespace, walkRoutes } from '@thc/testing';
import { randomBytes } from 'node:crypto';
import { AppModule as Analytics } from '../../../services/analytics/src/app.module';
import { serviceIdentity as analytics } from '../../../services/analytics/src/service.identity';
import { AppModule as ComplianceAudit } from '../../../services/compliance-audit/src/app.module';
import { serviceIdentity as complianceAudit } from '../../../services/compliance-audit/src/service.identity';
import { AppModule as Notifications } from '../../../services/notifications/src/app.module';
import { serviceIdentity as notifications } from '../../../services/notifications/src/service.identity';
import { AppModule as Scheduling } from '../../../services/scheduling/src/app.module';
import { serviceIdentity as scheduling } from '../../../services/scheduling/src/service.identity';
import { AppModule as Sessions } from '../../../services/sessions/src/app.module';
import { serviceIdentity as sessions } from '../../../services/sessions/src/service.identity';
import { AppModule as Training } from '../../../services/training/src/app.module';
import { serviceIdentity as training } from '../../../services/training/src/service.identity';

const services: [ServiceIdentity, Type<unknown>][] = [
  [scheduling, Scheduling],
  [sessions, Sessions],
  [training, Training],
  [complianceAudit, ComplianceAudit],
  [analytics, Analytics],
  [notifications, Notifications],
];

// Deny by default is enforced at run time by the access guard; this walk makes a missing
// declaration a failing test before it ever reaches a client.
describe('every route of every service declares who may call it', () => {
  const ns = new TestNamespace('route-walk');
  beforeAll(() => {
    process.env['MONGO_DB_PREFIX'] = ns.databasePrefix;
    process.env['KAFKA_TOPIC_PREFIX'] = ns.topicPrefix;
    // Notifications will not start without a key to look people up by mobile number.
    process.env['PHI_MASTER_KEYS'] = `route-walk:${randomBytes(32).toString('base64')}`;
    process.env['PHI_KEYS_DB'] = ns.database('phi_keys');
  });
  afterAll(async () => {
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await ns.dispose();
  });

  it.each(services.map(([identity, module]) => [identity.name, identity, module] as const))(
    '%s',
    async (_, identity, module) => {
      const app: INestApplication = await createServiceApp(module, identity, { logger: false });
      try {
        const routes = walkRoutes(app);
        expect(routes.map((r) => r.route)).toEqual(
          expect.arrayContaining([expect.stringContaining('GET /health/ready')]),
        );
        expect(routes.filter((r) => !r.policy).map((r) => r.route)).toEqual([]);
      } finally {
        await app.close();
      }
    },
  );
});
