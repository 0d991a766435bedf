import { eventDefinition, SHARED_TOPICS, toKafkaHeaders, TOPICS } from '@thc/contracts';
import { DeadLetterReader, eventually, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useComplianceApp } from '../testing/compliance-test-app';

const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';
const CONSENT_GRANTED = 'thc.compliance.ConsentGranted.v1';

/**
 * A service that serves PHI relays its reads to the trail on the PHI-access topic, and may
 * write there only. What a compromised pod of it writes on compliance-audit's own topic, under
 * whatever name, must not reach the trail (its Kafka user cannot write there either: tests/deploy).
 */
describe('audit intake of what a service that serves PHI writes', () => {
  const ns = new TestNamespace('audit-phi-topic');
  const under = useComplianceApp(ns);
  let complianceLetters: DeadLetterReader;
  const patientId = randomUUID();

  beforeAll(async () => {
    complianceLetters = new DeadLetterReader(
      ns.kafka(),
      { topic: ns.topic(TOPICS.compliance), group: `${ns.topicPrefix}thc.compliance-audit` },
      ns.group('operator'),
    );
    ns.topic(complianceLetters.topic.slice(ns.topicPrefix.length)); // cleaned up with the namespace
    await complianceLetters.start();
    under.stopFirst(() => complianceLetters.stop());
  }, 180_000);

  /** Writes a message straight to a topic, as a pod holding that service's credential would. */
  async function produce(topic: string, type: string, source: string, data: object, key: string) {
    const id = randomUUID();
    await under.producer.send({
      topic: ns.topic(topic),
      messages: [
        {
          key,
          value: JSON.stringify(data),
          headers: toKafkaHeaders({
            id,
            source,
            type,
            subject: key,
            time: new Date().toISOString(),
          }),
        },
      ],
    });
    return id;
  }

  const example = (type: string) => eventDefinition(type)?.example as Record<string, unknown>;

  it('chains the PHI reads scheduling relays on the PHI-access topic, under its name', async () => {
    const read = { ...example(PHI_ACCESSED), accessId: randomUUID(), patientId };
    const id = await produce(
      SHARED_TOPICS.phiAccess,
      PHI_ACCESSED,
      '/thc/scheduling',
      read,
      `phi-access-${patientId}`,
    );

    await eventually(async () =>
      expect(await under.trail.entries.findOne({ eventId: id })).toMatchObject({
        type: PHI_ACCESSED,
        source: '/thc/scheduling',
      }),
    );
  });

  it.each([
    [
      'a PHI read',
      PHI_ACCESSED,
      { ...example(PHI_ACCESSED), patientId },
      'type not carried on this topic',
    ],
    [
      'a compliance type the trail does not know yet',
      'thc.compliance.ConsentWaived.v1',
      { patientId, waivedAt: new Date().toISOString() },
      'wrong source for topic',
    ],
  ])(
    '%s that scheduling writes on the compliance topic is dead-lettered and kept out of the trail',
    async (_, type, data, reason) => {
      const key = `consent-${patientId}`;
      const forged = await produce(TOPICS.compliance, type, '/thc/scheduling', data, key);
      // A genuine consent behind it on the same partition: once it is in the trail, the forged
      // message was handled.
      const marker = await produce(
        TOPICS.compliance,
        CONSENT_GRANTED,
        '/thc/compliance-audit',
        { ...example(CONSENT_GRANTED), patientId },
        key,
      );
      await eventually(async () =>
        expect(await under.trail.entries.findOne({ eventId: marker })).not.toBeNull(),
      );

      expect(await under.trail.entries.findOne({ eventId: forged })).toBeNull();
      await eventually(async () => expect(complianceLetters.of(forged)).toBeDefined());
      expect(complianceLetters.of(forged)?.headers).toMatchObject({
        'thc-dlq-error-type': 'ProvenanceViolationError',
        'thc-dlq-error': expect.stringContaining(reason),
      });
    },
  );
});
