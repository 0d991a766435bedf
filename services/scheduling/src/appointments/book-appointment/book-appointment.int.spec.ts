import { bearer, callService, hostileBodies, TestNamespace, walkRoutes } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { BOOKED, useAppointmentsTest } from '../testing/appointments-test';
import {
  bookableInterpreter,
  bookableProvider,
  TEST_PATIENT_LOCATION,
} from '../testing/scheduling-test-app';

describe('book an appointment', () => {
  const t = useAppointmentsTest(new TestNamespace('appt-book'), bearer);

  it('every route declares who may call it', () => {
    const routes = walkRoutes(t.app);
    // The walk reaches the parts the appointments module brings along, the waitlist included.
    expect(routes.map((route) => route.route)).toEqual(
      expect.arrayContaining(
        [
          'POST /api/v1/waitlist ',
          'GET /api/v1/waitlist/:id ',
          'POST /api/v1/waitlist/:id/leave ',
        ].map((route) => expect.stringContaining(route)),
      ),
    );
    expect(routes.filter((route) => !route.policy).map((route) => route.route)).toEqual([]);
  });

  it('a patient books for themselves with an interpreter, but not for someone else', async () => {
    const patientId = randomUUID();
    const interpreter = { participantId: randomUUID(), language: 'es' };
    await bookableInterpreter(t, t.coordinator, interpreter.participantId, ['es']);
    const own = await t.book({ patientId, interpreter }, await bearer('patient', patientId));
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({
      status: 'booked',
      participants: [
        { participantId: patientId, role: 'patient' },
        { role: 'provider' },
        { ...interpreter, role: 'interpreter' },
      ],
    });
    const other = await t.book({}, await bearer('patient', patientId));
    expect(other).toMatchObject({
      status: 403,
      body: { detail: 'patients can reach only their own records' },
    });
  });

  describe('hostile input', () => {
    const valid = {
      patientId: randomUUID(),
      providerId: randomUUID(),
      clinicId: randomUUID(),
      visitType: 'video',
      start: '2031-06-01T09:00:00Z',
      end: '2031-06-01T09:30:00Z',
      timeZone: 'Europe/London',
      patientLocation: TEST_PATIENT_LOCATION,
    };

    it('answers every hostile booking body with 400 problem+json and writes no event', async () => {
      await bookableProvider(t, t.coordinator, valid.providerId);
      const before = await t.store.model.countDocuments();
      const outcomes = await Promise.all(
        hostileBodies(valid).map(async ({ label, body }) => {
          const response = await callService(
            t.url,
            'POST',
            '/api/v1/appointments',
            t.coordinator,
            body,
          );
          return { label, status: response.status, type: response.type };
        }),
      );
      for (const outcome of outcomes) {
        expect({ label: outcome.label, status: outcome.status }).toEqual({
          label: outcome.label,
          status: 400,
        });
        expect(outcome.type).toContain('application/problem+json');
      }
      expect(await t.store.model.countDocuments()).toBe(before);
      expect(
        await t.store.model.countDocuments({ type: BOOKED, 'data.providerId': valid.providerId }),
      ).toBe(0);
      // The valid body itself is accepted: the refusals were about the hostile parts.
      expect(
        (await callService(t.url, 'POST', '/api/v1/appointments', t.coordinator, valid)).status,
      ).toBe(201);
    });

    it.each([
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
      ['an interpreter without a language', { interpreter: { participantId: randomUUID() } }],
      ['a null caregiver', { caregiverId: null }],
    ])('refuses %s with 400', async (_, change) => {
      const response = await callService(t.url, 'POST', '/api/v1/appointments', t.coordinator, {
        ...valid,
        ...change,
      });
      expect(response.status).toBe(400);
    });
  });
});
