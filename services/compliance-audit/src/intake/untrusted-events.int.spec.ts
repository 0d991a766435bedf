import { EXAMPLE_IDS, eventDefinition, TOPICS } from '@thc/contracts';
import {
  DeadLetterReader,
  bearer,
  eventually,
  produceEvent,
  TestNamespace,
  callService as call,
} from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { publish, useComplianceApp } from '../testing/compliance-test-app';

const CREDENTIALED = 'thc.training.StaffCredentialed.v1';
const CONSENT_GRANTED = 'thc.compliance.ConsentGranted.v1';
const MODULE_COMPLETED = 'thc.training.ModuleCompleted.v1';

/**
 * The audit trail reads every topic: what reaches it must come from the producer the contracts
 * name, and what it cannot understand must not be stored as it came.
 */
describe('audit intake of events it must not trust or cannot read', () => {
  const ns = new TestNamespace('audit-untrusted');
  const under = useComplianceApp(ns);
  let trainingLetters: DeadLetterReader;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    auditor = await bearer('auditor', randomUUID());
    trainingLetters = new DeadLetterReader(
      ns.kafka(),
      { topic: ns.topic(TOPICS.training), group: `${ns.topicPrefix}thc.compliance-audit` },
      ns.group('operator'),
    );
    ns.topic(trainingLetters.topic.slice(ns.topicPrefix.length)); // cleaned up with the namespace
    await trainingLetters.start();
    under.stopFirst(() => trainingLetters.stop());
  }, 180_000);

  /** Writes a message straight to a topic, as anyone holding a client credential could. */
  async function produce(topic: string, type: string, source: string, data: object) {
    const subject = `staff-${EXAMPLE_IDS.providerId}`;
    return produceEvent(under.producer, ns.topic(topic), { type, source, subject, data });
  }

  /** A genuine training event behind the forged one on the same partition: once it is in the trail, the forged one was handled. */
  async function genuineMarker(): Promise<string> {
    const data = { ...(eventDefinition(MODULE_COMPLETED)?.example as object) };
    return produce(TOPICS.training, MODULE_COMPLETED, '/thc/training', data);
  }

  it.each([
    [
      'a consent granted on the training topic (by whoever can write there)',
      CONSENT_GRANTED,
      '/thc/compliance-audit',
      'type not carried on this topic',
    ],
    [
      'a credential written by scheduling',
      CREDENTIALED,
      '/thc/scheduling',
      'wrong source for type',
    ],
  ])(
    '%s is dead-lettered with the reason and kept out of the trail',
    async (_, type, source, reason) => {
      const data = eventDefinition(type)?.example as object;
      const forged = await produce(TOPICS.training, type, source, data);
      const marker = await genuineMarker();
      await eventually(async () =>
        expect(await under.trail.entries.findOne({ eventId: marker })).not.toBeNull(),
      );

      expect(await under.trail.entries.findOne({ eventId: forged })).toBeNull();
      await eventually(async () => expect(trainingLetters.of(forged)).toBeDefined());
      expect(trainingLetters.of(forged)?.headers).toMatchObject({
        'thc-dlq-error-type': 'ProvenanceViolationError',
        'thc-dlq-error': expect.stringContaining(reason),
      });
    },
  );

  it("chains an unknown type from its topic's producer by id, type and source, stores none of its data, and shows it to auditors", async () => {
    const patientId = randomUUID();
    const [unknownId] = await publish(under.producer, ns, [
      {
        type: 'thc.scheduling.AppointmentSnoozed.v1',
        data: { appointmentId: randomUUID(), patientId, patientName: 'Jane Q. Public' },
      },
    ]);
    await eventually(async () =>
      expect(await under.trail.entries.findOne({ eventId: unknownId })).not.toBeNull(),
    );

    const entry = await under.trail.entries.findOne({ eventId: unknownId });
    expect(entry).toMatchObject({
      type: 'thc.scheduling.AppointmentSnoozed.v1',
      source: '/thc/scheduling',
      data: null,
    });
    const stored = JSON.stringify(await under.trail.entries.find().toArray());
    expect(stored).not.toContain('Jane Q. Public');
    expect(stored).not.toContain(patientId);

    const listed = await call(under.url, 'GET', '/api/v1/audit/quarantine', auditor);
    expect(listed.status).toBe(200);
    expect((listed.body as { items: unknown[] }).items).toContainEqual({
      eventId: unknownId,
      type: 'thc.scheduling.AppointmentSnoozed.v1',
      source: '/thc/scheduling',
      reason: 'unknown-type',
      topic: ns.topic(TOPICS.scheduling),
      partition: expect.any(Number),
      offset: expect.any(String),
      quarantinedAt: expect.any(String),
    });
    expect(listed.text).not.toContain('Jane Q. Public');

    const verdict = await call(under.url, 'GET', '/api/v1/audit/verify', auditor);
    expect(verdict.body).toMatchObject({ intact: true });
  });
});
