import { bearer, TestNamespace } from '@thc/testing';
import { QUALITY_SAMPLE_LIMITS } from '../domain/quality-sample-limits';
import { SESSION_EVENT, sessionStreamId } from '../domain/session.events';
import { advanceClock } from '../testing/sessions-test-app';
import { visitInProgress } from '../testing/visit-in-progress';
import { useSessionsApp } from '../testing/sessions-testbed';

const SAMPLE = { rttMs: 80, jitterMs: 5, packetLossPercent: 0.2, bitrateKbps: 1200 };

describe('a participant flooding connection samples', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-sample-flood'), { phi: true });

  it('gets 429 past the burst, and the session keeps a bounded number of samples', async () => {
    const visit = await visitInProgress(bed.kit, bed.url, bearer);
    const { patientId, providerId } = visit.booked;
    const s = `/api/v1/sessions/${visit.sessionId}/participants`;
    const samples = () =>
      bed.store.model.countDocuments({
        streamId: sessionStreamId(visit.sessionId),
        type: SESSION_EVENT.sampled,
      });

    // The patient's client (or someone with the patient's token) posts in a loop.
    const flood = [];
    for (let i = 0; i < 40; i += 1)
      flood.push(await visit.post(`${s}/${patientId}/quality-samples`, visit.patient, SAMPLE));
    const statuses = flood.map((r) => r.status);
    expect(statuses.slice(0, QUALITY_SAMPLE_LIMITS.perWindow)).toEqual(
      Array(QUALITY_SAMPLE_LIMITS.perWindow).fill(204),
    );
    expect(new Set(statuses.slice(QUALITY_SAMPLE_LIMITS.perWindow))).toEqual(new Set([429]));
    const refused = flood[flood.length - 1]!;
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 429, detail: expect.stringContaining('samples') });
    const again = await fetch(`${bed.url}${s}/${patientId}/quality-samples`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...visit.patient },
      body: JSON.stringify(SAMPLE),
    });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await samples()).toBe(QUALITY_SAMPLE_LIMITS.perWindow);

    // The flood costs only the flooder: the provider's samples are still kept.
    const provider = await visit.post(`${s}/${providerId}/quality-samples`, visit.provider, SAMPLE);
    expect(provider.status).toBe(204);

    // Once the window has passed, a well-behaved client is heard again.
    advanceClock(QUALITY_SAMPLE_LIMITS.windowSeconds * 1000);
    try {
      const later = await visit.post(`${s}/${patientId}/quality-samples`, visit.patient, SAMPLE);
      expect(later.status).toBe(204);
    } finally {
      advanceClock(-QUALITY_SAMPLE_LIMITS.windowSeconds * 1000);
    }
    expect(await samples()).toBe(QUALITY_SAMPLE_LIMITS.perWindow + 2);
  });
});
