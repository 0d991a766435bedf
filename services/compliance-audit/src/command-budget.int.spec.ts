import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { NestExpressApplication } from '@nestjs/platform-express';
import { eventDefinition } from '@thc/contracts';
import { ConsumedEvent, EventHandler } from '@thc/messaging';
import { createServiceApp } from '@thc/service-runtime';
import {
  bearer,
  CommandBudget,
  CommandCounter,
  TestNamespace,
  callService as call,
} from '@thc/testing';
import { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { complianceModules } from './app.module';
import { AuditCheckpoints } from './audit-trail/audit-checkpoints';
import { CONSENT_GIVEN_AT_JOIN } from './consent/consent-at-join/consent-given-at-join';
import { GrantConsentWhenGivenAtJoin } from './consent/consent-at-join/grant-consent-when-given-at-join.consumer';
import { AuditIntake } from './intake/audit-intake';
import { serviceIdentity } from './service.identity';
import { complianceTestEnv, createComplianceTopics } from './testing/compliance-test-app';
import { AccessChecks } from './violations/access-checks';
import { ClinicScopeChecks } from './violations/clinic-scope-checks';
import { SessionStartChecks } from './violations/session-start-checks';
import { TransferChecks } from './violations/transfer-checks';

/**
 * Database commands (round trips) per use case on a warm instance: every use case runs once
 * before it is measured. Ceilings pinned to the measured counts; docs/performance.md lists what
 * each command is.
 */
const budget = new CommandBudget({
  consent: 4,
  'ConsentGivenAtJoin consumed': 2,
  'ConsentGivenAtJoin redelivered': 1,
  // A read by clinic-scoped staff is also queued for the clinic-scope rule (5 -> 6).
  'PhiAccessed ingested': 6,
  'AppointmentBooked ingested': 4,
  '100 PhiAccessed ingested in one batch': 6,
} as const);

/** The service without its outbox relay, whose polling would be counted with every use case. */
@Module({ imports: complianceModules })
class ComplianceWithoutRelay {}

describe('database commands per compliance-audit use case', () => {
  const ns = new TestNamespace('compliance-commands');
  let app: NestExpressApplication;
  let url: string;
  let counter: CommandCounter;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    // Checkpoints at the production interval: the tests' 5 would sign one every few events.
    complianceTestEnv(ns, { AUDIT_CHECKPOINT_EVERY: '1000' });
    await createComplianceTopics(ns);
    app = await createServiceApp(ComplianceWithoutRelay, serviceIdentity, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    // Counting is by time window: the deferred checks' sweeps and the checkpoint timer must not
    // read meanwhile.
    app.get(AccessChecks).onApplicationShutdown();
    app.get(SessionStartChecks).onApplicationShutdown();
    app.get(ClinicScopeChecks).onApplicationShutdown();
    app.get(TransferChecks).onApplicationShutdown();
    app.get(AuditCheckpoints).onApplicationShutdown();
    counter = CommandCounter.attach(app.get<Connection>(getConnectionToken()).getClient());
    coordinator = await bearer('coordinator', randomUUID());
  }, 180_000);

  afterAll(async () => {
    budget.report();
    counter?.detach();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  const grant = (patientId: string) =>
    call(url, 'POST', `/api/v1/patients/${patientId}/consents`, coordinator, {
      scope: 'telehealth',
      method: 'electronic-signature',
      formVersion: '2026-01',
    });

  it('consent', async () => {
    expect((await grant(randomUUID())).status).toBe(201);
    const { result, usage } = await counter.measure(() => grant(randomUUID()));
    expect(result.status).toBe(201);
    budget.check('consent', usage);
  });

  /** The contract's example of `type`, as a new event of a new stream, patient and actor. */
  let offset = 0;
  const consumed = (type: string): ConsumedEvent => {
    const definition = eventDefinition(type);
    if (!definition) throw new Error(`no contract for ${type}`);
    const { idField } = definition.streamDefinition;
    const data: Record<string, unknown> = { ...definition.example, patientId: randomUUID() };
    for (const field of [idField, 'actorId']) if (field in data) data[field] = randomUUID();
    return {
      id: randomUUID(),
      source: '/thc/test',
      type,
      subject: `${definition.streamDefinition.prefix}-${String(data[idField])}`,
      time: new Date().toISOString(),
      data,
      topic: definition.topic,
      partition: 0,
      offset: String(offset++),
    };
  };
  const ingest = (events: readonly ConsumedEvent[]) => () => app.get(AuditIntake).ingest(events);

  it('ConsentGivenAtJoin consumed, then redelivered', async () => {
    // The consumer's per-event handler, called as its runtime calls it (Kafka adds no commands).
    const consumer = app.get(GrantConsentWhenGivenAtJoin) as unknown as {
      handle: EventHandler;
    };
    await consumer.handle(consumed(CONSENT_GIVEN_AT_JOIN));
    const event = consumed(CONSENT_GIVEN_AT_JOIN);
    budget.check(
      'ConsentGivenAtJoin consumed',
      (await counter.measure(() => consumer.handle(event))).usage,
    );
    budget.check(
      'ConsentGivenAtJoin redelivered',
      (await counter.measure(() => consumer.handle(event))).usage,
    );
  });

  it.each([
    ['PhiAccessed ingested', 'thc.compliance.PhiAccessed.v1'],
    ['AppointmentBooked ingested', 'thc.scheduling.AppointmentBooked.v1'],
  ] as const)('%s', async (useCase, type) => {
    await ingest([consumed(type)])();
    const { usage } = await counter.measure(ingest([consumed(type)]));
    budget.check(useCase, usage);
  });

  it('100 PhiAccessed ingested in one batch', async () => {
    const batch = () =>
      Array.from({ length: 100 }, () => consumed('thc.compliance.PhiAccessed.v1'));
    await ingest(batch())();
    const { usage } = await counter.measure(ingest(batch()));
    budget.check('100 PhiAccessed ingested in one batch', usage);
  });
});
