import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import {
  PlatformEventInput,
  publishIntoTrail,
  useComplianceApp,
} from '../../testing/compliance-test-app';
import { useVisitStory } from '../testing/visit-story';

describe("the report of reads outside care believes no reader's word about themself", () => {
  const ns = new TestNamespace('outside-care');
  const under = useComplianceApp(ns);
  let auditor: Record<string, string>;
  const patientId = randomUUID();
  const providerId = randomUUID();
  const auditorId = randomUUID();
  const ids: Record<string, string> = {};

  const read = (actorId: string, role: string, purpose: string, at: string) =>
    ({
      type: 'thc.compliance.PhiAccessed.v1',
      data: {
        accessId: randomUUID(),
        actorId,
        role,
        patientId,
        resource: 'Appointment',
        action: 'read',
        purpose,
        service: 'scheduling',
        at,
      },
    }) satisfies PlatformEventInput;

  const story: [string, PlatformEventInput][] = [
    [
      'booked',
      {
        type: 'thc.scheduling.AppointmentBooked.v1',
        data: {
          appointmentId: randomUUID(),
          providerId,
          patientId,
          clinicId: randomUUID(),
          visitType: 'video',
          start: '2026-03-09T09:00:00-04:00',
          end: '2026-03-09T09:30:00-04:00',
          timeZone: 'America/New_York',
          participants: [
            { participantId: patientId, role: 'patient' },
            { participantId: providerId, role: 'provider' },
          ],
          bookedAt: '2026-03-02T14:12:05Z',
          bookedBy: { kind: 'user', userId: randomUUID(), role: 'coordinator' },
        },
      },
    ],
    ['inCare', read(providerId, 'provider', 'treatment', '2026-03-10T15:00:00Z')],
    // Six months on, the care window (90 days by default) has long closed.
    ['afterCare', read(providerId, 'provider', 'treatment', '2026-09-10T15:00:00Z')],
    ['providerSaysLegal', read(providerId, 'provider', 'legal', '2026-09-11T15:00:00Z')],
    ['posingAsPatient', read(randomUUID(), 'patient', 'patient-request', '2026-03-10T16:00:00Z')],
    ['auditorForAudit', read(auditorId, 'auditor', 'audit', '2026-03-10T17:00:00Z')],
    ['ownRead', read(patientId, 'patient', 'patient-request', '2026-03-10T18:00:00Z')],
  ];

  beforeAll(async () => {
    auditor = await bearer('auditor', auditorId);
    // One by one, so the booking is in the trail before the reads it explains.
    for (const [name, event] of story) {
      [ids[name]] = (await publishIntoTrail(under, ns, [event], eventually)) as [string];
    }
  }, 180_000);

  it('lists the read after the care window, the provider calling a read legal, and a "patient" reading someone else', async () => {
    const response = await call(
      under.url,
      'GET',
      `/api/v1/audit/reports/patients/${patientId}/access-outside-care`,
      auditor,
    );
    expect(response.status).toBe(200);
    const listed = (response.body as { items: { eventId: string }[] }).items.map((r) => r.eventId);
    expect([...listed].sort()).toEqual(
      [ids['afterCare'], ids['providerSaysLegal'], ids['posingAsPatient']].sort(),
    );
  });
});

describe('the report of reads outside care over a whole visit', () => {
  const { ids, report, patientId } = useVisitStory(new TestNamespace('outside-care-of-visit'), {
    eventually,
    call,
    auditor: () => bearer('auditor', randomUUID()),
  });

  it('finds the read by a provider with no appointment with the patient', async () => {
    const outside = await report(`patients/${patientId}/access-outside-care`);
    expect((outside.body as { items: { eventId: string }[] }).items.map((r) => r.eventId)).toEqual(
      expect.arrayContaining([ids['strangerRead']]),
    );
    expect(
      (outside.body as { items: { eventId: string }[] }).items.map((r) => r.eventId),
    ).not.toContain(ids['providerRead']);
  });
});
