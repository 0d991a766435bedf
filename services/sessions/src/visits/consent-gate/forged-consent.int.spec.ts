import { TOPICS } from '@thc/contracts';
import { bearer, callService, DeadLetterReader, eventually, TestNamespace } from '@thc/testing';
import { confirmPatientLocation, qualifyProvider } from '../testing/qualified-provider';
import { CONSENT_GRANTED, consentGranted } from '../testing/scheduling-events';
import { within } from '../testing/sessions-test-kit';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';
import { useSessionsApp } from '../testing/sessions-testbed';

/**
 * Whoever can write to thc.compliance.v1 (a compromised pod of another service, a leaked
 * client credential) must not be able to grant a patient's telehealth consent: only
 * compliance-audit produces ConsentGranted.
 */
describe('a consent forged on the compliance topic', () => {
  const ns = new TestNamespace('sessions-forged-consent');
  const bed = useSessionsApp(ns);
  let deadLetters: DeadLetterReader;

  beforeAll(async () => {
    deadLetters = new DeadLetterReader(
      ns.kafka(),
      { topic: ns.topic(TOPICS.compliance), group: `${ns.topicPrefix}sessions.consent` },
      ns.group('operator'),
    );
    ns.topic(deadLetters.topic.slice(ns.topicPrefix.length)); // cleaned up with the namespace
    await deadLetters.start();
  });

  afterAll(async () => {
    await deadLetters?.stop();
  });

  it('does not let the visit start; it lands in dead letters with the reason, is counted, and the genuine consent behind it still gets through', async () => {
    const { booked, sessionId } = await bed.kit.bookedSession(5);
    const provider = await bearer('provider', booked.providerId);
    const start = () =>
      callService(bed.url, 'POST', `/api/v1/sessions/${sessionId}/start`, provider);

    // The attacker holds the sessions service's Kafka credentials and writes a contract-valid
    // ConsentGranted for the patient, straight to the topic.
    const forged = await bed.kit.events.publish(
      TOPICS.compliance,
      '/thc/sessions',
      CONSENT_GRANTED,
      consentGranted(booked.patientId),
    );

    await eventually(async () => expect(deadLetters.of(forged)).toBeDefined(), within);
    expect(deadLetters.of(forged)?.headers).toMatchObject({
      'thc-dlq-error-type': 'ProvenanceViolationError',
      'thc-dlq-error': expect.stringContaining('wrong source for type'),
      'thc-dlq-attempts': '1',
      ce_source: '/thc/sessions',
    });
    expect(await bed.app.get(TelehealthConsents).standingOf(booked.patientId, new Date())).toEqual({
      active: false,
      reason: 'consent-missing',
    });
    expect(await start()).toMatchObject({
      status: 409,
      body: { detail: 'the visit cannot start: the patient has no telehealth consent on record' },
    });
    const metrics = await callService(bed.url, 'GET', '/metrics', {});
    expect(metrics.text).toContain(
      `thc_consumer_untrusted_total{group="${ns.topicPrefix}sessions.consent",topic="${ns.topic(TOPICS.compliance)}",reason="wrong-source"} 1`,
    );

    // The same patient's stream, hence the same partition: the refusal did not stall it.
    await bed.kit.compliance(CONSENT_GRANTED, consentGranted(booked.patientId));
    await qualifyProvider(bed.app, booked.providerId);
    await confirmPatientLocation(bed.url, sessionId, provider);
    await eventually(async () => expect((await start()).status).toBe(200), within);
  });
});
