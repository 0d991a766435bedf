import { contractTopicOf, provenanceViolation } from './event-provenance';
import { SHARED_TOPICS, TOPICS } from './topics';

const GRANTED = 'thc.compliance.ConsentGranted.v1';
const CREDENTIALED = 'thc.training.StaffCredentialed.v1';
const BOOKED = 'thc.scheduling.AppointmentBooked.v1';
const PHI_ACCESSED = 'thc.compliance.PhiAccessed.v1';
const PHI_ACCESS_TOPIC = SHARED_TOPICS.phiAccess;

describe('event provenance', () => {
  it.each([
    ['ConsentGranted from compliance-audit', GRANTED, '/thc/compliance-audit', TOPICS.compliance],
    ['StaffCredentialed from training', CREDENTIALED, '/thc/training', TOPICS.training],
    ['AppointmentBooked from scheduling', BOOKED, '/thc/scheduling', TOPICS.scheduling],
    ['PhiAccessed recorded by sessions', PHI_ACCESSED, '/thc/sessions', PHI_ACCESS_TOPIC],
    [
      'PhiAccessed recorded by compliance-audit',
      PHI_ACCESSED,
      '/thc/compliance-audit',
      PHI_ACCESS_TOPIC,
    ],
    [
      'a new PhiAccessed version its recorders publish before consumers know it',
      'thc.compliance.PhiAccessed.v2',
      '/thc/analytics',
      `ns-${PHI_ACCESS_TOPIC}`,
    ],
    ['a prefixed deployment topic', GRANTED, '/thc/compliance-audit', `t42-${TOPICS.compliance}`],
    [
      'a type its producer publishes before consumers know it',
      'thc.scheduling.AppointmentSnoozed.v1',
      '/thc/scheduling',
      TOPICS.scheduling,
    ],
    ['any event on a topic outside the contracts', 'thc.test.Counted.v1', '/thc/test', 'ns-events'],
  ])('trusts %s', (_, type, source, topic) => {
    expect(provenanceViolation({ type, source, topic })).toBeUndefined();
  });

  it.each([
    ['ConsentGranted forged by sessions', GRANTED, '/thc/sessions', TOPICS.compliance],
    ['ConsentGranted from an unknown source', GRANTED, '/thc/attacker', TOPICS.compliance],
    ['StaffCredentialed forged by scheduling', CREDENTIALED, '/thc/scheduling', TOPICS.training],
    ['AppointmentBooked forged by sessions', BOOKED, '/thc/sessions', TOPICS.scheduling],
    [
      'a new type on the compliance topic from a stranger',
      'thc.compliance.ConsentWaived.v1',
      '/thc/attacker',
      TOPICS.compliance,
    ],
  ])('refuses %s as a wrong source', (_, type, source, topic) => {
    expect(provenanceViolation({ type, source, topic })).toMatchObject({
      reason: 'wrong-source',
      detail: expect.stringContaining('wrong source for'),
    });
  });

  it.each([
    ['ConsentGranted on the scheduling topic', GRANTED, '/thc/compliance-audit', TOPICS.scheduling],
    ['AppointmentBooked on a foreign topic', BOOKED, '/thc/scheduling', 'ns-events'],
    [
      'a scheduling-named type on the training topic',
      'thc.scheduling.X.v1',
      '/thc/training',
      TOPICS.training,
    ],
    ['a type that is no platform type', 'Widget', '/thc/training', TOPICS.training],
  ])('refuses %s as a type not carried on the topic', (_, type, source, topic) => {
    expect(provenanceViolation({ type, source, topic })).toMatchObject({
      reason: 'wrong-topic',
      detail: expect.stringContaining('type not carried on this topic'),
    });
  });

  // A pod of a service that serves PHI may write the PHI-access topic, and nothing else of
  // compliance: whatever it writes there or claims, consumers of the compliance topic never
  // take a consent, a violation or a new compliance type from it.
  describe('a compromised pod of a service that records PHI reads', () => {
    it.each([
      ['PhiAccessed on the compliance topic', PHI_ACCESSED, '/thc/sessions', TOPICS.compliance],
      [
        'PhiAccessed on the compliance topic behind a prefix',
        PHI_ACCESSED,
        '/thc/scheduling',
        `ns-${TOPICS.compliance}`,
      ],
      [
        "ConsentGranted on the PHI-access topic, claiming compliance-audit's source",
        GRANTED,
        '/thc/compliance-audit',
        PHI_ACCESS_TOPIC,
      ],
      [
        'a new compliance type on the PHI-access topic',
        'thc.compliance.ConsentWaived.v1',
        '/thc/scheduling',
        PHI_ACCESS_TOPIC,
      ],
      [
        'a new PhiAccessed version on the compliance topic',
        'thc.compliance.PhiAccessed.v2',
        '/thc/compliance-audit',
        TOPICS.compliance,
      ],
    ])('is refused %s as a type not carried there', (_, type, source, topic) => {
      expect(provenanceViolation({ type, source, topic })).toMatchObject({
        reason: 'wrong-topic',
        detail: expect.stringContaining('type not carried on this topic'),
      });
    });

    it.each([
      ['ConsentGranted from scheduling', GRANTED, '/thc/scheduling'],
      ['ViolationResolved from analytics', 'thc.compliance.ViolationResolved.v1', '/thc/analytics'],
      ['a new compliance type from training', 'thc.compliance.ConsentWaived.v1', '/thc/training'],
    ])('is refused %s on the compliance topic as a wrong source', (_, type, source) => {
      expect(provenanceViolation({ type, source, topic: TOPICS.compliance })).toMatchObject({
        reason: 'wrong-source',
      });
    });
  });

  it('echoes what the sender chose quoted and bounded', () => {
    const violation = provenanceViolation({
      type: GRANTED,
      source: `/thc/x\n${'y'.repeat(10_000)}`,
      topic: TOPICS.compliance,
    });
    expect(violation?.detail.length).toBeLessThan(400);
    expect(violation?.detail).not.toContain('\n');
  });

  it('finds the contract topic behind a deployment prefix', () => {
    expect(contractTopicOf(`run-7.${TOPICS.sessions}`)).toBe(TOPICS.sessions);
    expect(contractTopicOf(`run-7.${PHI_ACCESS_TOPIC}`)).toBe(PHI_ACCESS_TOPIC);
    expect(contractTopicOf('thc.billing.v1')).toBeUndefined();
  });
});
