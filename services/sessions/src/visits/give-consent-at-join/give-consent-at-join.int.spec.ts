import { bearer, callService, TestNamespace } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';
import { consentGranted } from '../testing/scheduling-events';
import { CONSENT_TEXT_VERSION, TELEHEALTH_CONSENT_TEXT } from './telehealth-consent-text.data';
import { useSessionsApp } from '../testing/sessions-testbed';

const GIVEN = 'thc.sessions.ConsentGivenAtJoin.v1';

describe('telehealth consent on the visit page', () => {
  const bed = useSessionsApp(new TestNamespace('sessions-visit-consent'), { phi: true });
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    coordinator = await bearer('coordinator', randomUUID());
  });

  /** A booked visit and the join link of one of its participants. */
  async function linkOf(role: 'patient' | 'provider') {
    const { booked, sessionId } = await bed.kit.bookedSession(10);
    const participantId = role === 'patient' ? booked.patientId : booked.providerId;
    const link = await callService(
      bed.url,
      'POST',
      `/api/v1/sessions/${sessionId}/links`,
      coordinator,
      {
        participantId,
      },
    );
    expect(link.status).toBe(201);
    const token = (link.body as { url: string }).url.split('#')[1] ?? '';
    return { booked, sessionId, token };
  }

  const accept = { accept: true, textVersion: CONSENT_TEXT_VERSION, language: 'es' };
  const consent = (token: string | undefined, body: unknown = accept) =>
    callService(
      bed.url,
      'POST',
      '/api/v1/visit/consent',
      token ? { 'x-join-token': token } : {},
      body,
    );
  const given = async (sessionId: string) =>
    (await bed.store.load(`session-${sessionId}`)).filter((e) => e.type === GIVEN);

  it('serves the consent text in English and Spanish, paragraph for paragraph, to anyone', async () => {
    const [en, es] = await Promise.all(
      ['en', 'es'].map((language) =>
        callService(bed.url, 'GET', `/api/v1/visit/consent-text?language=${language}`, {}),
      ),
    );
    expect(en).toMatchObject({
      status: 200,
      body: {
        textVersion: CONSENT_TEXT_VERSION,
        language: 'en',
        title: TELEHEALTH_CONSENT_TEXT.en.title,
        paragraphs: [...TELEHEALTH_CONSENT_TEXT.en.paragraphs],
      },
    });
    expect(es).toMatchObject({
      status: 200,
      body: { language: 'es', textVersion: CONSENT_TEXT_VERSION },
    });
    expect((es.body as { paragraphs: string[] }).paragraphs).toHaveLength(
      TELEHEALTH_CONSENT_TEXT.en.paragraphs.length,
    );
    for (const query of ['?language=fr', '']) {
      const refused = await callService(bed.url, 'GET', `/api/v1/visit/consent-text${query}`, {});
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('language');
    }
  });

  it("records the patient's consent once, with what they read and the patient as giver, the language sealed", async () => {
    const { booked, sessionId, token } = await linkOf('patient');
    expect(await consent(token)).toMatchObject({ status: 202, body: { recorded: true } });
    // A second tap, before compliance-audit has recorded the first: nothing more.
    expect(await consent(token)).toMatchObject({ status: 202, body: { recorded: true } });
    const events = await given(sessionId);
    expect(events.map((e) => e.data)).toEqual([
      {
        sessionId,
        appointmentId: booked.appointmentId,
        patientId: booked.patientId,
        clinicId: booked.clinicId,
        scope: 'telehealth',
        givenAt: expect.any(String),
        method: 'join-link',
        textVersion: CONSENT_TEXT_VERSION,
        language: expect.objectContaining({ alg: 'AES-256-GCM', ciphertext: expect.any(String) }),
        givenBy: { kind: 'user', userId: booked.patientId, role: 'patient' },
      },
    ]);
    expect(JSON.stringify(events[0]?.data)).not.toContain('"es"');
    expect(events[0]?.metadata).toMatchObject({ actor: expect.stringMatching(/^join-link:/) });
  });

  it('records nothing when the patient already has a consent on record', async () => {
    const { booked, sessionId, token } = await linkOf('patient');
    await bed.app.get(TelehealthConsents).granted(randomUUID(), consentGranted(booked.patientId));
    expect(await consent(token)).toMatchObject({ status: 202, body: { recorded: true } });
    expect(await given(sessionId)).toEqual([]);
  });

  it("refuses any link but the patient's own, and a request without a link", async () => {
    const { sessionId, token } = await linkOf('provider');
    const refused = await consent(token);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("only the patient's own link");
    expect((await consent(undefined)).status).toBe(400);
    expect((await consent('not-a-token')).status).toBe(400);
    expect(await given(sessionId)).toEqual([]);
  });

  it.each([
    ['a refusal', { ...accept, accept: false }, 'accept'],
    ['an old text', { ...accept, textVersion: '2020-01' }, 'textVersion'],
    ['another language', { ...accept, language: 'fr' }, 'language'],
    ['a field the API does not know', { ...accept, patientId: 'x' }, 'patientId'],
  ])('answers %s with 400 naming the field, and records nothing', async (_, body, field) => {
    const { sessionId, token } = await linkOf('patient');
    const refused = await consent(token, body);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(field);
    expect(await given(sessionId)).toEqual([]);
  });
});
