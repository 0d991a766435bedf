import { eventDefinition } from '@thc/contracts';
import { randomUUID } from 'node:crypto';
import { StaffDirectory } from '../../directory/staff-directory.projection';
import {
  Eventually,
  PlatformEventInput,
  publish,
  publishIntoTrail,
  useComplianceApp,
} from '../../testing/compliance-test-app';
import { user, videoVisit } from '../../testing/video-visit';
import type { TestNamespace } from '@thc/testing';

/**
 * One video visit as the services publish it, with reads of the patient's data along the way:
 * by the coordinator who booked it, by the provider before admitting the patient, and, after
 * it, by a provider who has no appointment with the patient (the stranger).
 */
export function visitStory() {
  const patientId = randomUUID();
  const providerId = randomUUID();
  const coordinatorId = randomUUID();
  const strangerId = randomUUID();
  const visit = videoVisit(patientId, providerId, coordinatorId);
  const { appointmentId, sessionId } = visit;

  const phiRead = (
    actorId: string,
    role: string,
    at: string,
    service = 'scheduling',
    patient = patientId,
  ): PlatformEventInput => ({
    type: 'thc.compliance.PhiAccessed.v1',
    data: {
      accessId: randomUUID(),
      actorId,
      role,
      patientId: patient,
      resource: 'Appointment',
      resourceId: appointmentId,
      action: 'read',
      purpose: role === 'provider' ? 'treatment' : 'operations',
      service,
      at,
    },
  });

  // A whole visit, as the services publish it, with reads of the patient's data along the way.
  const steps: [string, PlatformEventInput][] = [
    ['booked', visit.booked],
    ['coordinatorRead', phiRead(coordinatorId, 'coordinator', '2026-03-02T14:13:00Z')],
    ['created', visit.created],
    [
      'arrived',
      {
        type: 'thc.sessions.PatientArrivedInWaitingRoom.v1',
        data: { sessionId, appointmentId, patientId, arrivedAt: '2026-03-09T12:56:30Z' },
      },
    ],
    ['providerRead', phiRead(providerId, 'provider', '2026-03-09T12:58:00Z', 'sessions')],
    [
      'admitted',
      {
        type: 'thc.sessions.PatientAdmitted.v1',
        data: {
          sessionId,
          patientId,
          admittedAt: '2026-03-09T13:01:05Z',
          admittedBy: user(providerId, 'provider'),
        },
      },
    ],
    ['started', visit.started('2026-03-09T13:01:10Z')],
    [
      'ended',
      {
        type: 'thc.sessions.SessionEnded.v1',
        data: {
          sessionId,
          appointmentId,
          outcome: 'completed',
          startedAt: '2026-03-09T13:01:10Z',
          endedAt: '2026-03-09T13:24:45Z',
          endedBy: user(providerId, 'provider'),
        },
      },
    ],
    [
      'completed',
      {
        type: 'thc.scheduling.AppointmentCompleted.v1',
        data: {
          appointmentId,
          sessionId,
          startedAt: '2026-03-09T13:01:10Z',
          endedAt: '2026-03-09T13:24:45Z',
          completedAt: '2026-03-09T13:24:46Z',
        },
      },
    ],
    ['strangerRead', phiRead(strangerId, 'provider', '2026-03-20T15:00:00Z')],
  ];

  return { patientId, providerId, coordinatorId, strangerId, steps };
}

/** The name the directory gives the provider of the story. */
export const PROVIDER_NAME = { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] } as const;

/** What the report specs pass in from @thc/testing: its `eventually` and `callService`, and an auditor token. */
export interface ReportSpecTools<R> {
  eventually: Eventually;
  call(url: string, method: string, path: string, headers: Record<string, string>): Promise<R>;
  auditor(): Promise<Record<string, string>>;
}

/**
 * The service under test, told the visit story for the specs of one file: the directory names
 * the provider (the stranger is someone it does not list), then every step is published one by
 * one, each waited for in the trail, so each keeps its place in the story across topics.
 * `ids` names each step's event id, and `as.auditor` the auditor, once `beforeAll` has run.
 */
export function useVisitStory<R>(ns: TestNamespace, tools: ReportSpecTools<R>) {
  const under = useComplianceApp(ns);
  const story = visitStory();
  const ids: Record<string, string> = {};
  const as = { auditor: {} as Record<string, string> };
  beforeAll(async () => {
    as.auditor = await tools.auditor();
    await publish(under.producer, ns, [
      {
        type: 'thc.scheduling.StaffMemberRecorded.v1',
        data: {
          ...(eventDefinition('thc.scheduling.StaffMemberRecorded.v1')?.example as object),
          staffId: story.providerId,
          name: PROVIDER_NAME,
        },
      },
    ]);
    await tools.eventually(async () =>
      expect(await under.app.get(StaffDirectory).member(story.providerId)).toBeDefined(),
    );
    for (const [name, event] of story.steps) {
      [ids[name]] = (await publishIntoTrail(under, ns, [event], tools.eventually)) as [string];
    }
  }, 180_000);
  /** A report under /api/v1/audit/reports, asked for by the auditor unless told otherwise. */
  const report = (path: string, headers?: Record<string, string>): Promise<R> =>
    tools.call(under.url, 'GET', `/api/v1/audit/reports/${path}`, headers ?? as.auditor);
  return { under, ids, as, report, ...story };
}
