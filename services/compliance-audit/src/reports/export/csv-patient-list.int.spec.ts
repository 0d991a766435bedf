import { NestExpressApplication } from '@nestjs/platform-express';
import { SHARED_TOPICS, toKafkaHeaders } from '@thc/contracts';
import { MongoEventStore } from '@thc/event-store';
import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AuditTrailCollections } from '../../audit-trail/audit-trail.collections';
import {
  complianceTestEnv,
  createComplianceTopics,
  startComplianceApp,
} from '../../testing/compliance-test-app';

/**
 * A compromised pod publishes a PHI read whose free-text CloudEvents extension
 * (`ce_correlationid`) holds a comma, quotes and a line break followed by a forged CSV row naming
 * a decoy patient. The CSV export quotes the cell correctly; the record of who the auditor saw
 * must come from the rows, not from re-reading the text, or the decoy gets a false disclosure
 * in their accounting.
 */
describe('the CSV audit download records the patients of its rows', () => {
  const ns = new TestNamespace('audit-csv-patients');
  let app: NestExpressApplication;
  let url: string;
  let producer: Producer;
  let auditor: Record<string, string>;
  const auditorId = randomUUID();

  beforeAll(async () => {
    complianceTestEnv(ns);
    await createComplianceTopics(ns);
    ({ app, url } = await startComplianceApp());
    producer = ns.kafka().producer();
    await producer.connect();
    auditor = await bearer('auditor', auditorId);
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await ns.dispose();
  }, 180_000);

  it('names exactly the patients of the rows, whatever a cell holds', async () => {
    const patientId = randomUUID();
    const decoy = randomUUID();
    const forged = `ops,"x"\r\n1,2026-01-01T00:00:00Z,R,${randomUUID()},provider,${decoy},Appointment`;
    const eventId = randomUUID();
    const at = '2026-03-02T14:11:30Z';
    await producer.send({
      topic: ns.topic(SHARED_TOPICS.phiAccess),
      messages: [
        {
          key: `phi-access-${patientId}`,
          value: JSON.stringify({
            accessId: randomUUID(),
            actorId: randomUUID(),
            role: 'coordinator',
            patientId,
            resource: 'Appointment',
            action: 'read',
            purpose: 'operations',
            service: 'scheduling',
            at,
          }),
          headers: toKafkaHeaders({
            id: eventId,
            source: '/thc/scheduling',
            type: 'thc.compliance.PhiAccessed.v1',
            subject: `phi-access-${patientId}`,
            time: at,
            extensions: { correlationid: forged },
          }),
        },
      ],
    });
    const trail = app.get(AuditTrailCollections);
    await eventually(async () =>
      expect(await trail.entries.findOne({ eventId })).toMatchObject({ correlationId: forged }),
    );

    const csv = await call(
      url,
      'GET',
      `/api/v1/audit/reports/patients/${patientId}/phi-access?format=csv&to=2026-04-01T00:00:00Z`,
      auditor,
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    // The cell is one quoted value, as RFC 4180 writes it.
    expect(csv.text).toContain(`"${forged.replace(/"/g, '""')}"`);

    const store = app.get(MongoEventStore);
    await eventually(async () =>
      expect((await store.load(`phi-access-${patientId}`)).map((e) => e.data)).toEqual([
        expect.objectContaining({ actorId: auditorId, purpose: 'audit', action: 'search' }),
      ]),
    );
    expect(await store.load(`phi-access-${decoy}`)).toEqual([]);
  });
});
