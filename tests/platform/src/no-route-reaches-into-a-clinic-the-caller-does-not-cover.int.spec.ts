import { EVENT_TOPICS } from '@thc/contracts';
import { bearer, eventually, TestNamespace } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { OpenAPIV3 } from 'openapi-types';
import { GRANT_CONSENT_EXAMPLE } from '../../../services/compliance-audit/src/consent/grant-consent/grant-consent.dto';
import { PERSON_PARAM } from '../../../services/notifications/src/contacts/person-param';
import { RECORD_CONTACT_PREFERENCES_EXAMPLE } from '../../../services/notifications/src/contacts/record-preferences/contact-preferences.dto';
import { EXAMPLE_ID as COMPLIANCE_EXAMPLES } from '../../../services/compliance-audit/src/openapi/api-docs';
import { openScheduleBody } from '../../../services/scheduling/src/appointments/testing/scheduling-test-app';
import { RECORD_CLINIC_EXAMPLE } from '../../../services/scheduling/src/directory/record/record-clinic.dto';
import { RECORD_ORGANIZATION_EXAMPLE } from '../../../services/scheduling/src/directory/record/record-organization.dto';
import { RECORD_STAFF_MEMBER_EXAMPLE } from '../../../services/scheduling/src/directory/record/record-staff-member.dto';
import { EXAMPLE_ID as SCHEDULING_EXAMPLES } from '../../../services/scheduling/src/openapi/api-docs';
import { JOIN_WAITLIST_EXAMPLE } from '../../../services/scheduling/src/waitlist/join-waitlist/join-waitlist.dto';
import { ISSUE_JOIN_LINK_EXAMPLE } from '../../../services/sessions/src/visits/join-links/issue-join-link.dto';
import { OPEN_ISSUE_EXAMPLE } from '../../../services/sessions/src/visits/troubleshooting/troubleshooting.dto';
import { sessionIdOf } from '../../../services/sessions/src/visits/domain/session-id';
import { EXAMPLE_ID as SESSIONS_EXAMPLES } from '../../../services/sessions/src/openapi/api-docs';
import { EXAMPLE_ID as TRAINING_EXAMPLES } from '../../../services/training/src/openapi/api-docs';
import { ENROL_STAFF_EXAMPLE } from '../../../services/training/src/staff-training/enrol-staff/enrol-staff.dto';
import { answerText, outcomeOf, prepareCalls } from './support/foreign-clinic-walk';
import { ServiceProcess } from './support/service-process';

// The deny-by-default walk (every-route-declares-who-may-call-it) in its second dimension:
// every documented operation of every service, called by each clinic-scoped role with a token
// for another clinic, about real records of one clinic, is refused (403/404) or, for a read,
// answers without a single id of that clinic's records.

const SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
  'notifications',
] as const;
type Service = (typeof SERVICES)[number];

const EXAMPLES: Record<Service, Readonly<Record<string, string>>> = {
  scheduling: SCHEDULING_EXAMPLES,
  sessions: SESSIONS_EXAMPLES,
  training: TRAINING_EXAMPLES,
  'compliance-audit': COMPLIANCE_EXAMPLES,
  analytics: { clinicId: SCHEDULING_EXAMPLES.clinicId },
  // The people whose contact points are asked for: clinic A's patient.
  notifications: { personId: PERSON_PARAM.example },
};

const SCOPED_ROLES = ['coordinator', 'trainer', 'auditor', 'analyst', 'admin'] as const;

/**
 * Operations that hold nothing of a clinic, each with why: they are walked by the first
 * dimension (who may call them) only.
 */
const NOT_CLINIC_DATA: Readonly<Record<string, string>> = {
  'POST /api/v1/join': 'anonymous: a signed join link is the credential, not a staff token',
  'GET /api/v1/visit': 'the join link is the credential, scoped to its one visit',
  'GET /api/v1/visit/events': 'the join link is the credential, scoped to its one visit',
  'POST /api/v1/visit/pre-visit-checks': 'the join link is the credential, scoped to its one visit',
  'POST /api/v1/visit/issues': 'the join link is the credential, scoped to its one visit',
  'POST /api/v1/visit/audio-only': 'the join link is the credential, scoped to its one visit',
  'POST /api/v1/visit/leave': 'the join link is the credential, scoped to its one visit',
  'POST /api/v1/visit/survey': 'the join link is the credential, scoped to its one visit',
  'POST /api/v1/visit/consent': 'the join link is the credential, scoped to its one visit',
  'GET /api/v1/visit/consent-text': 'the consent text, the same for every clinic',
  'GET /api/v1/audit/checkpoint-keys': 'public keys that verify the audit trail',
  'GET /api/v1/platform/status': 'platform incidents are the platform’s, not a clinic’s',
  'GET /api/v1/playbooks/{category}': 'troubleshooting steps, the same for every clinic',
  'GET /fhir/Questionnaire/post-visit-survey': 'the survey form, the same for every clinic',
  'GET /api/v1/training/modules': 'the organization’s training catalog',
  'POST /api/v1/training/modules': 'the organization’s training catalog',
  'POST /api/v1/training/modules/{moduleId}/versions': 'the organization’s training catalog',
  'GET /api/v1/training/requirements': 'what each role must complete, organization-wide',
  'GET /api/v1/training/me': 'the caller’s own training record',
  'GET /api/v1/analytics/metric-definitions': 'what each metric means',
  'POST /api/v1/sms/inbound':
    'the SMS gateway’s webhook: its signature is the credential, not a staff token',
  'POST /api/v1/sms/status':
    'the SMS gateway’s delivery reports: its signature is the credential, not a staff token',
};

const dayOf = (daysFromToday: number) =>
  new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

const isPublic = (operation: string) =>
  /^GET \/(health|metrics|docs|dashboard)/.test(operation) || operation in NOT_CLINIC_DATA;

describe('no route reaches into a clinic the caller does not cover', () => {
  const ns = new TestNamespace('foreign-clinic');
  const processes = new Map<Service, ServiceProcess>();
  const clinicA = randomUUID();
  const clinicB = randomUUID();
  const ids: Record<string, string> = { clinicId: clinicA, teamId: clinicA };
  const url = (service: Service) => processes.get(service)!.url;

  async function send(
    service: Service,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; text: string; json: () => unknown }> {
    const response = await fetch(`${url(service)}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) as unknown };
  }

  /** A write that must succeed while the world of clinic A is made. */
  async function made(
    service: Service,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
    const reply = await send(service, method, path, await bearer('admin', randomUUID()), body);
    expect(`${method} ${path}: ${reply.status} ${reply.text}`).toMatch(/: 20[01] /);
    return reply.text ? (reply.json() as Record<string, unknown>) : {};
  }

  beforeAll(async () => {
    await ns.createTopics(EVENT_TOPICS.map((t) => ns.topic(t)));
    const env = {
      KAFKA_TOPIC_PREFIX: ns.topicPrefix,
      MONGO_DB_PREFIX: ns.databasePrefix,
      PHI_MASTER_KEYS: `walk-test:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
      SCHEDULING_REQUIRE_CREDENTIAL: 'false',
      OTEL_TRACES_EXPORTER: 'none',
      SHUTDOWN_DRAIN_DELAY_MS: '0',
      // The walk is about routes: no message is sent to anyone.
      NOTIFICATIONS_DISPATCH_POLL_MS: '0',
    };
    // One after the other: six compilations at once starve a small machine.
    for (const name of SERVICES) {
      const service = new ServiceProcess(name, env);
      processes.set(name, service);
      await service.start();
      await service.ready();
    }
    await makeClinicA();
    await clinicAStaffReachItsRecords();
  }, 600_000);

  afterAll(async () => {
    await Promise.all([...processes.values()].map((s) => s.terminate().catch(() => undefined)));
    [...processes.values()].forEach((s) => s.kill());
    await ns.dispose();
  }, 60_000);

  /** One of everything in clinic A: a visit with its session, link, issue, consent, training. */
  async function makeClinicA(): Promise<void> {
    ids['patientId'] = randomUUID();
    ids['personId'] = ids['patientId'];
    ids['providerId'] = randomUUID();
    ids['staffId'] = ids['providerId'];
    ids['organizationId'] = randomUUID();
    await made('scheduling', 'PUT', `/api/v1/directory/organizations/${ids['organizationId']}`, {
      ...RECORD_ORGANIZATION_EXAMPLE,
    });
    for (const clinicId of [clinicA, clinicB])
      await made('scheduling', 'PUT', `/api/v1/directory/clinics/${clinicId}`, {
        ...RECORD_CLINIC_EXAMPLE,
        organizationId: ids['organizationId'],
      });
    await made('scheduling', 'PUT', `/api/v1/directory/staff/${ids['providerId']}`, {
      ...RECORD_STAFF_MEMBER_EXAMPLE,
      organizationId: ids['organizationId'],
      clinicIds: [clinicA],
      licences: [{ state: 'NY', number: '298877', expiresOn: '2099-12-31' }],
    });
    await made('scheduling', 'PUT', `/api/v1/providers/${ids['providerId']}/schedule`, {
      ...openScheduleBody({ clinicId: clinicA }),
    });
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const booked = await made('scheduling', 'POST', '/api/v1/appointments', {
      patientId: ids['patientId'],
      providerId: ids['providerId'],
      clinicId: clinicA,
      patientLocation: { state: 'NY' },
      visitType: 'video',
      start: `${day}T14:30:00+05:30`,
      end: `${day}T15:00:00+05:30`,
      timeZone: 'Asia/Kolkata',
    });
    ids['appointmentId'] = String(booked['appointmentId']);
    ids['sessionId'] = sessionIdOf(ids['appointmentId']);
    const waitlisted = await made('scheduling', 'POST', '/api/v1/waitlist', {
      ...JOIN_WAITLIST_EXAMPLE,
      patientId: ids['patientId'],
      clinicId: clinicA,
      providerId: ids['providerId'],
      earlierThan: `${day}T09:00:00+05:30`,
      timeZone: 'Asia/Kolkata',
    });
    ids['waitlistEntryId'] = String(waitlisted['waitlistEntryId']);

    // Sessions creates the visit from the booking it reads on Kafka.
    await eventually(
      async () => {
        const reply = await send(
          'sessions',
          'GET',
          `/api/v1/sessions/${ids['sessionId']}`,
          await bearer('admin', randomUUID()),
        );
        expect(reply.status).toBe(200);
      },
      { timeoutMs: 60_000 },
    );
    const link = await made('sessions', 'POST', `/api/v1/sessions/${ids['sessionId']}/links`, {
      ...ISSUE_JOIN_LINK_EXAMPLE,
      participantId: ids['patientId'],
    });
    ids['linkId'] = String(link['linkId']);
    const issue = await made('sessions', 'POST', `/api/v1/sessions/${ids['sessionId']}/issues`, {
      ...OPEN_ISSUE_EXAMPLE,
      participantId: ids['patientId'],
    });
    ids['issueId'] = String(issue['issueId']);

    await made('training', 'POST', `/api/v1/training/staff/${ids['staffId']}/enrolment`, {
      ...ENROL_STAFF_EXAMPLE,
      teamId: clinicA,
    });
    // Compliance learns the patient's visit (and so their clinic) from the booking on Kafka.
    await eventually(
      async () => {
        const reply = await send(
          'compliance-audit',
          'POST',
          `/api/v1/patients/${ids['patientId']}/consents`,
          await bearer('admin', randomUUID()),
          { ...GRANT_CONSENT_EXAMPLE, witnessId: ids['providerId'] },
        );
        expect(`${reply.status} ${reply.text}`).toMatch(/^201 /);
        ids['consentId'] = String((reply.json() as Record<string, unknown>)['id']);
      },
      { timeoutMs: 60_000 },
    );
    // Notifications learns the patient's clinic from the booking on Kafka; staff reach the
    // patient's contact points through it.
    await eventually(
      async () => {
        const reply = await send(
          'notifications',
          'PUT',
          `/api/v1/people/${ids['patientId']}/contact-preferences`,
          await bearer('admin', randomUUID()),
          { ...RECORD_CONTACT_PREFERENCES_EXAMPLE },
        );
        expect(`${reply.status} ${reply.text}`).toMatch(/^200 /);
      },
      { timeoutMs: 60_000 },
    );
  }

  /**
   * The control: clinic A's own staff reach each service's records of clinic A (once the
   * services have learned them from Kafka), so a refusal below is the clinic scope at work,
   * not a record a service has not heard of.
   */
  async function clinicAStaffReachItsRecords(): Promise<void> {
    const ownClinic = { clinics: [clinicA] };
    const reads: [Service, (typeof SCOPED_ROLES)[number], string][] = [
      ['scheduling', 'coordinator', `/api/v1/appointments/${ids['appointmentId']}`],
      ['sessions', 'coordinator', `/api/v1/sessions/${ids['sessionId']}`],
      ['training', 'trainer', `/api/v1/training/staff/${ids['staffId']}`],
      ['compliance-audit', 'coordinator', `/api/v1/patients/${ids['patientId']}/consents`],
      [
        'compliance-audit',
        'auditor',
        `/api/v1/audit/reports/patients/${ids['patientId']}/phi-access`,
      ],
      ['notifications', 'coordinator', `/api/v1/people/${ids['patientId']}/contact-preferences`],
    ];
    for (const [service, role, path] of reads)
      await eventually(
        async () => {
          const reply = await send(
            service,
            'GET',
            path,
            await bearer(role, randomUUID(), ownClinic),
          );
          expect(`${service} ${path}: ${reply.status}`).toBe(`${service} ${path}: 200`);
        },
        { timeoutMs: 60_000 },
      );
    await eventually(
      async () => {
        const reply = await send(
          'analytics',
          'GET',
          `/api/v1/analytics/metrics?from=${dayOf(-2)}&to=${dayOf(40)}&by=clinic&clinicId=${clinicA}`,
          await bearer('analyst', randomUUID(), ownClinic),
        );
        expect(reply.status).toBe(200);
        expect(reply.text).toContain(clinicA);
      },
      { timeoutMs: 60_000 },
    );
  }

  it.each(SERVICES.map((service) => [service] as const))(
    '%s: every operation refuses another clinic’s staff, or answers without its records',
    async (service) => {
      const document = (await (
        await fetch(`${url(service)}/docs-json`)
      ).json()) as OpenAPIV3.Document;
      const calls = prepareCalls(document, url(service), EXAMPLES[service], ids).filter(
        (call) => !isPublic(call.operation),
      );
      expect(calls.length).toBeGreaterThan(0);
      const secrets = [ids['patientId'], ids['appointmentId'], ids['sessionId']].filter(
        (id): id is string => id !== undefined,
      );
      const failures: string[] = [];
      for (const role of SCOPED_ROLES) {
        const headers = await bearer(role, randomUUID(), { clinics: [clinicB] });
        for (const call of calls) {
          const response = await fetch(call.url, {
            method: call.method,
            headers: { 'content-type': 'application/json', ...headers },
            ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
          });
          const outcome = outcomeOf(call, response.status, await answerText(response), secrets);
          if (outcome !== 'refused' && outcome !== 'filtered')
            failures.push(`${role} ${call.operation}: ${outcome}`);
        }
      }
      expect(failures).toEqual([]);
    },
    300_000,
  );
});
