import 'reflect-metadata';
import { Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_TOPICS } from '@thc/contracts';
import { createServiceApp, ServiceIdentity } from '@thc/service-runtime';
import { bearer, eventually, expectValidFhir, TestNamespace, walkRoutes } from '@thc/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { OpenAPIV3 } from 'openapi-types';
import { AppModule as ComplianceAudit } from '../../../services/compliance-audit/src/app.module';
import { serviceIdentity as complianceAudit } from '../../../services/compliance-audit/src/service.identity';
import { complianceTestEnv } from '../../../services/compliance-audit/src/testing/compliance-test-app';
import { AppModule as Scheduling } from '../../../services/scheduling/src/app.module';
import { serviceIdentity as scheduling } from '../../../services/scheduling/src/service.identity';
import { AppModule as Sessions } from '../../../services/sessions/src/app.module';
import { serviceIdentity as sessions } from '../../../services/sessions/src/service.identity';
import { AppModule as Training } from '../../../services/training/src/app.module';
import { serviceIdentity as training } from '../../../services/training/src/service.identity';
import { AppModule as Notifications } from '../../../services/notifications/src/app.module';
import { serviceIdentity as notifications } from '../../../services/notifications/src/service.identity';
import { AppModule as Analytics } from '../../../services/analytics/src/app.module';
import { serviceIdentity as analytics } from '../../../services/analytics/src/service.identity';

const FHIR_JSON = 'application/fhir+json';
/** The R4 resource types a person is referenced as. */
const PEOPLE = new Set(['Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Person']);
const DAY_MS = 86_400_000;
const slow = { timeoutMs: 90_000, intervalMs: 500 };

type Service =
  'scheduling' | 'sessions' | 'training' | 'compliance-audit' | 'analytics' | 'notifications';
const SERVICES: readonly (readonly [Service, ServiceIdentity, Type<unknown>])[] = [
  ['scheduling', scheduling, Scheduling],
  ['sessions', sessions, Sessions],
  ['training', training, Training],
  ['compliance-audit', complianceAudit, ComplianceAudit],
  ['analytics', analytics, Analytics],
  // Serves no FHIR view: listed so that a FHIR route added to it fails the walk below.
  ['notifications', notifications, Notifications],
];

/** What the test creates through the APIs, then reads back as FHIR. */
interface World {
  readonly organizationId: string;
  readonly clinicId: string;
  readonly providerId: string;
  readonly interpreterId: string;
  readonly coordinatorId: string;
  readonly auditorId: string;
  readonly patientId: string;
  readonly caregiverId: string;
  readonly day: string;
  /** Booked with a named interpreter and a caregiver; booked with one on demand, then cancelled. */
  appointmentIds: string[];
  sessionIds: string[];
}

/** One FHIR view: the requests that read it (the data above exists by then) and who reads it. */
interface View {
  readonly service: Service;
  readonly path: (world: World) => string | string[];
  readonly reader: 'patient' | 'coordinator' | 'auditor';
  /** A searchset that must hold at least this many entries (an empty one proves little). */
  readonly atLeast?: number;
  /** Not an `application/fhir+json` answer: a JSON array of resources, each validated. */
  readonly array?: true;
}

/**
 * Every FHIR view the platform serves, keyed by its route as the services declare it (`GET
 * <path>`, path parameters as `:name`). The route walk below fails on a FHIR route missing here.
 */
const VIEWS: Readonly<Record<string, View>> = {
  'GET /fhir/Organization/:organizationId': {
    service: 'scheduling',
    path: (w) => `/fhir/Organization/${w.organizationId}`,
    reader: 'patient',
  },
  'GET /fhir/Location/:clinicId': {
    service: 'scheduling',
    path: (w) => `/fhir/Location/${w.clinicId}`,
    reader: 'patient',
  },
  'GET /fhir/Practitioner/:staffId': {
    service: 'scheduling',
    path: (w) =>
      [w.providerId, w.interpreterId, w.coordinatorId].map((id) => `/fhir/Practitioner/${id}`),
    reader: 'coordinator',
  },
  'GET /fhir/PractitionerRole': {
    service: 'scheduling',
    path: (w) =>
      [w.providerId, w.interpreterId].map(
        (id) => `/fhir/PractitionerRole?practitioner=Practitioner/${id}`,
      ),
    reader: 'coordinator',
    atLeast: 1,
  },
  'GET /fhir/Schedule/:providerId': {
    service: 'scheduling',
    path: (w) => [w.providerId, w.interpreterId].map((id) => `/fhir/Schedule/${id}`),
    reader: 'patient',
  },
  'GET /fhir/Slot': {
    service: 'scheduling',
    path: (w) =>
      [w.providerId, w.interpreterId].map(
        (id) => `/fhir/Slot?schedule=Schedule/${id}&start=${w.day}`,
      ),
    reader: 'patient',
    atLeast: 2, // the booked slot, busy, and free ones around it
  },
  'GET /fhir/Appointment/:id': {
    service: 'scheduling',
    path: (w) => w.appointmentIds.map((id) => `/fhir/Appointment/${id}`),
    reader: 'coordinator',
  },
  'GET /fhir/Encounter/:sessionId': {
    service: 'sessions',
    path: (w) => w.sessionIds.map((id) => `/fhir/Encounter/${id}`),
    reader: 'coordinator',
  },
  'GET /fhir/Questionnaire/post-visit-survey': {
    service: 'sessions',
    path: () => '/fhir/Questionnaire/post-visit-survey',
    reader: 'patient',
  },
  'GET /fhir/Consent': {
    service: 'compliance-audit',
    path: (w) => `/fhir/Consent?patient=${w.patientId}`,
    reader: 'coordinator',
    atLeast: 2,
  },
  'GET /api/v1/patients/:patientId/consents': {
    service: 'compliance-audit',
    path: (w) => `/api/v1/patients/${w.patientId}/consents`,
    reader: 'patient',
    array: true,
  },
  'GET /api/v1/audit/reports/patients/:patientId/phi-access': {
    service: 'compliance-audit',
    path: (w) => `/api/v1/audit/reports/patients/${w.patientId}/phi-access?format=fhir`,
    reader: 'auditor',
    atLeast: 1,
  },
  'GET /api/v1/audit/reports/staff/:staffId/phi-access': {
    service: 'compliance-audit',
    path: (w) => `/api/v1/audit/reports/staff/${w.coordinatorId}/phi-access?format=fhir`,
    reader: 'auditor',
    atLeast: 1,
  },
  'GET /api/v1/audit/reports/patients/:patientId/access-outside-care': {
    service: 'compliance-audit',
    path: (w) => `/api/v1/audit/reports/patients/${w.patientId}/access-outside-care?format=fhir`,
    reader: 'auditor',
  },
};

/** `GET /fhir/Slot (FhirViewsController.slots)` → `GET /fhir/Slot`. */
const routeOf = (walked: string): string => walked.replace(/ \(.*\)$/, '').replace(/\/+/g, '/');

/** The GET operations whose OpenAPI document says they answer FHIR, as `GET /path/:param`. */
function fhirOperationsOf(document: OpenAPIV3.Document): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) => {
    const content = Object.values(item?.get?.responses ?? {}).flatMap((response) =>
      Object.keys((response as OpenAPIV3.ResponseObject).content ?? {}),
    );
    return content.some((type) => type.startsWith(FHIR_JSON))
      ? [`GET ${path.replace(/\{([^}]+)\}/g, ':$1')}`]
      : [];
  });
}

// EHR integrations read these views; each is checked by the field's own R4 validator (Medplum's,
// with the HL7 definitions), on real data made through the APIs and carried by Kafka.
describe('every FHIR view the platform serves passes the R4 validator', () => {
  const ns = new TestNamespace('fhir-views');
  const apps = new Map<Service, { app: NestExpressApplication; url: string }>();
  const world: World = {
    organizationId: randomUUID(),
    clinicId: randomUUID(),
    providerId: randomUUID(),
    interpreterId: randomUUID(),
    coordinatorId: randomUUID(),
    auditorId: randomUUID(),
    patientId: randomUUID(),
    caregiverId: randomUUID(),
    // Three days ahead, so the visit is bookable whatever the time of day the test runs.
    day: new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + 3 * DAY_MS).toISOString().slice(0, 10),
    appointmentIds: [],
    sessionIds: [],
  };
  let tokens: Readonly<Record<View['reader'] | 'admin', Record<string, string>>>;

  const request = async (
    service: Service,
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const response = await fetch(`${apps.get(service)!.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: text ? (JSON.parse(text) as unknown) : undefined,
      text,
    };
  };
  const succeed = async (...args: Parameters<typeof request>) => {
    const answer = await request(...args);
    if (answer.status >= 300)
      throw new Error(`${args[1]} ${args[2]} answered ${answer.status}: ${answer.text}`);
    return answer.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    complianceTestEnv(ns, {
      SCHEDULING_REQUIRE_CREDENTIAL: 'false',
      // Notifications will not start without a key to look people up by mobile number.
      PHI_MASTER_KEYS: `fhir-views:${randomBytes(32).toString('base64')}`,
      PHI_KEYS_DB: ns.database('phi_keys'),
    });
    await ns.createTopics(EVENT_TOPICS.map((topic) => ns.topic(topic)));
    for (const [name, identity, module] of SERVICES) {
      const app = await createServiceApp(module, identity, { logger: ['error'] });
      await app.listen(0, '127.0.0.1');
      apps.set(name, { app, url: await app.getUrl() });
    }
    tokens = {
      admin: await bearer('admin', randomUUID(), { organizationId: world.organizationId }),
      coordinator: await bearer('coordinator', world.coordinatorId),
      auditor: await bearer('auditor', world.auditorId),
      patient: await bearer('patient', world.patientId),
    };
    await createWorld();
  }, 240_000);

  afterAll(async () => {
    await Promise.all([...apps.values()].map(({ app }) => app.close()));
    delete process.env['SCHEDULING_REQUIRE_CREDENTIAL'];
    delete process.env['PHI_MASTER_KEYS'];
    delete process.env['PHI_KEYS_DB'];
    await ns.dispose();
  }, 60_000);

  /**
   * A health system with a provider and an interpreter keeping hours, two bookings and their
   * sessions, consents and audit entries.
   */
  async function createWorld(): Promise<void> {
    const w = world;
    const directory = (path: string, body: unknown) =>
      succeed('scheduling', 'PUT', `/api/v1/directory/${path}`, tokens.admin, body);
    await directory(`organizations/${w.organizationId}`, {
      name: 'Lakeshore Health',
      active: true,
    });
    await directory(`clinics/${w.clinicId}`, {
      organizationId: w.organizationId,
      name: 'Lakeshore Telehealth, Buffalo',
      timeZone: 'America/New_York',
      address: {
        lines: ['100 High St', 'Suite 4'],
        city: 'Buffalo',
        state: 'NY',
        postalCode: '14203',
      },
      active: true,
    });
    await directory(`staff/${w.providerId}`, {
      organizationId: w.organizationId,
      name: { family: 'Okafor', given: ['Adaeze', 'N.'], prefix: ['Dr.'], suffix: ['MD'] },
      functions: ['provider'],
      clinicIds: [w.clinicId],
      languages: ['en', 'es'],
      licences: [{ state: 'NY', number: '298877', expiresOn: '2099-06-30' }],
      npi: '1234567893',
      active: true,
    });
    await directory(`staff/${w.auditorId}`, {
      organizationId: w.organizationId,
      name: { family: 'Lindqvist', given: ['Maja'] },
      functions: ['auditor'],
      clinicIds: [w.clinicId],
      languages: ['en', 'sv'],
      licences: [],
      active: true,
    });
    await directory(`staff/${w.coordinatorId}`, {
      organizationId: w.organizationId,
      name: { family: 'Chen', given: ['Wei'] },
      functions: ['coordinator'],
      clinicIds: [w.clinicId],
      languages: ['en', 'zh-Hant'],
      licences: [],
      active: true,
    });
    await directory(`staff/${w.interpreterId}`, {
      organizationId: w.organizationId,
      name: { family: 'Reyes', given: ['Lucía'] },
      functions: ['interpreter'],
      clinicIds: [w.clinicId],
      languages: ['es', 'en'],
      licences: [],
      active: true,
    });

    // Provider and interpreter keep hours the same way, through the same endpoint.
    for (const staffId of [w.providerId, w.interpreterId])
      await succeed(
        'scheduling',
        'PUT',
        `/api/v1/providers/${staffId}/schedule`,
        tokens.coordinator,
        {
          clinicId: w.clinicId,
          timeZone: 'America/New_York',
          slotMinutes: { video: 30, audio: 30 },
          bufferMinutes: { before: 0, after: 0 },
          minimumNoticeMinutes: 0,
          bookingHorizonDays: 30,
          weeklyRules: (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((weekday) => ({
            weekday,
            start: '09:00',
            end: '12:00',
            visitTypes: ['video', 'audio'],
          })),
          exceptions: [],
        },
      );
    const slots = await succeed(
      'scheduling',
      'GET',
      `/fhir/Slot?schedule=${w.providerId}&start=${w.day}&service-type=video`,
      tokens.patient,
    );
    const free = ((slots['entry'] as { resource: { start: string; end: string } }[]) ?? []).map(
      (entry) => entry.resource,
    );
    if (free.length < 2)
      throw new Error(`too few free slots on ${w.day}: ${JSON.stringify(slots)}`);
    const book = async (slot: { start: string; end: string }, extra: Record<string, unknown>) => {
      const booked = await succeed(
        'scheduling',
        'POST',
        '/api/v1/appointments',
        tokens.coordinator,
        {
          patientId: w.patientId,
          providerId: w.providerId,
          clinicId: w.clinicId,
          visitType: 'video',
          start: slot.start,
          end: slot.end,
          timeZone: 'America/New_York',
          patientLocation: { state: 'NY' },
          ...extra,
        },
      );
      w.appointmentIds.push(String(booked['appointmentId']));
    };
    await book(free[0]!, {
      interpreter: { language: 'es', participantId: w.interpreterId },
      caregiverId: w.caregiverId,
    });
    await book(free[1]!, { interpreter: { language: 'es', onDemand: true } });
    await succeed(
      'scheduling',
      'POST',
      `/api/v1/appointments/${w.appointmentIds[1]}/cancel`,
      tokens.coordinator,
      { reasonCode: 'patient-request' },
    );

    // Sessions opens each visit on hearing of its booking on Kafka, and closes the cancelled one.
    const sessions = await eventually(async () => {
      const listed = (await succeed(
        'sessions',
        'GET',
        `/api/v1/patients/${w.patientId}/sessions`,
        tokens.patient,
      )) as unknown as { sessionId: string; appointmentId: string; status: string }[];
      const cancelled = listed.find((s) => s.appointmentId === w.appointmentIds[1]);
      expect(cancelled?.status).not.toBe('scheduled');
      return w.appointmentIds.map((id) => listed.find((s) => s.appointmentId === id)!.sessionId);
    }, slow);
    w.sessionIds.push(...sessions);

    // Consents: one e-signed, one verbal before the coordinator as witness, then revoked. The
    // coordinator reaches the patient through the visit once compliance-audit has heard of it.
    const consents = `/api/v1/patients/${w.patientId}/consents`;
    const telehealth = await eventually(
      () =>
        succeed('compliance-audit', 'POST', consents, tokens.coordinator, {
          scope: 'telehealth',
          method: 'electronic-signature',
          formVersion: '2026-01',
          expiresAt: '2099-01-01T00:00:00Z',
        }),
      slow,
    );
    expectValidFhir(telehealth, 'the granted Consent');
    const recording = await succeed('compliance-audit', 'POST', consents, tokens.coordinator, {
      scope: 'recording',
      method: 'verbal',
      formVersion: '2026-01',
      witnessId: w.coordinatorId,
      witnessRole: 'coordinator',
    });
    expectValidFhir(recording, 'the verbal Consent');
    const revoked = await succeed(
      'compliance-audit',
      'POST',
      `${consents}/${String(recording['id'])}/revoke`,
      tokens.patient,
    );
    expectValidFhir(revoked, 'the revoked Consent');

    // PHI reads of the patient's records, which the audit trail chains as entries.
    await succeed(
      'scheduling',
      'GET',
      `/fhir/Appointment/${w.appointmentIds[0]}`,
      tokens.coordinator,
    );
    await succeed('sessions', 'GET', `/fhir/Encounter/${w.sessionIds[0]}`, tokens.coordinator);
    await eventually(async () => {
      const report = await succeed(
        'compliance-audit',
        'GET',
        `/api/v1/audit/reports/staff/${w.coordinatorId}/phi-access`,
        tokens.auditor,
      );
      expect((report['items'] as unknown[]).length).toBeGreaterThanOrEqual(2);
    }, slow);
  }

  it('knows every FHIR route each service serves: a new one fails here until it is fetched below', async () => {
    const served: string[] = [];
    for (const [name] of SERVICES) {
      const { app, url } = apps.get(name)!;
      const walked = walkRoutes(app)
        .map(({ route }) => routeOf(route))
        .filter((route) => route.startsWith('GET /fhir/') || route === 'GET /fhir');
      const document = (await (await fetch(`${url}/docs-json`)).json()) as OpenAPIV3.Document;
      for (const route of new Set([...walked, ...fhirOperationsOf(document)]))
        served.push(`${name} ${route}`);
    }
    const fetched = Object.entries(VIEWS).map(([route, view]) => `${view.service} ${route}`);
    expect(served.filter((route) => !fetched.includes(route))).toEqual([]);
    // And nothing here names a route that no longer exists.
    const walkedAll = SERVICES.flatMap(([name]) =>
      walkRoutes(apps.get(name)!.app).map(({ route }) => `${name} ${routeOf(route)}`),
    );
    expect(fetched.filter((route) => !walkedAll.includes(route))).toEqual([]);
  });

  /** The answers to each read of a view, each with the path it read. */
  const reads = async (view: View) =>
    Promise.all(
      [view.path(world)].flat().map(async (path) => ({
        path,
        ...(await request(view.service, 'GET', path, tokens[view.reader])),
      })),
    );

  it.each(Object.entries(VIEWS))('%s', async (_route, view) => {
    for (const answer of await reads(view)) {
      expect({ status: answer.status, body: answer.status === 200 ? 'ok' : answer.body }).toEqual({
        status: 200,
        body: 'ok',
      });
      if (view.array) {
        const resources = answer.body as unknown[];
        expect(resources.length).toBeGreaterThan(0);
        resources.forEach((resource, i) => expectValidFhir(resource, `${answer.path} [${i}]`));
        continue;
      }
      expectValidFhir(answer.body, answer.path);
      expect(answer.type).toContain(FHIR_JSON);
      const entries = (answer.body as { entry?: { fullUrl?: string }[] }).entry ?? [];
      // R4 defines Bundle.entry.fullUrl as an absolute URL (or a URN); the validator leaves it be.
      expect(entries.filter((entry) => !/^(https?:\/\/|urn:)/.test(entry.fullUrl ?? ''))).toEqual(
        [],
      );
      if (view.atLeast !== undefined) expect(entries.length).toBeGreaterThanOrEqual(view.atLeast);
    }
  });

  // Names where a person reads them: each service learns the directory's names (scheduling its
  // own, sessions and compliance-audit through Kafka); a patient is never named.
  it('names the staff and the clinic as the directory does, and never a patient', async () => {
    const w = world;
    const provider = `Practitioner/${w.providerId}`;
    const interpreter = `Practitioner/${w.interpreterId}`;
    const clinic = `Location/${w.clinicId}`;
    const expected = new Map([
      [provider, 'Dr. Adaeze N. Okafor'],
      [interpreter, 'Lucía Reyes'],
      [clinic, 'Lakeshore Telehealth, Buffalo'],
      [`Practitioner/${w.coordinatorId}`, 'Wei Chen'],
    ]);
    const read = async (service: Service, path: string, reader: keyof typeof tokens) => {
      const answer = await request(service, 'GET', path, tokens[reader]);
      expect(answer.status).toBe(200);
      return displaysIn(answer.body);
    };
    const named = (shown: Map<string, Set<string>>, reference: string) => [
      ...(shown.get(reference) ?? []),
    ];

    const appointment = await read(
      'scheduling',
      `/fhir/Appointment/${w.appointmentIds[0]}`,
      'coordinator',
    );
    for (const reference of [provider, interpreter, clinic])
      expect(named(appointment, reference)).toEqual([expected.get(reference)]);
    const schedule = await read('scheduling', `/fhir/Schedule/${w.providerId}`, 'coordinator');
    expect(named(schedule, provider)).toEqual([expected.get(provider)]);
    await eventually(async () => {
      const encounter = await read('sessions', `/fhir/Encounter/${w.sessionIds[0]}`, 'coordinator');
      for (const reference of [provider, clinic])
        expect(named(encounter, reference)).toEqual([expected.get(reference)]);
    }, slow);
    await eventually(async () => {
      const report = await read(
        'compliance-audit',
        `/api/v1/audit/reports/staff/${w.coordinatorId}/phi-access?format=fhir`,
        'auditor',
      );
      expect(named(report, `Practitioner/${w.coordinatorId}`)).toEqual(['Wei Chen']);
    }, slow);

    // Across every view: one name per reference, the directory's, and none for a patient.
    const shown = new Map<string, Set<string>>();
    for (const view of Object.values(VIEWS))
      for (const answer of await reads(view))
        for (const [reference, names] of displaysIn(answer.body))
          shown.set(reference, new Set([...(shown.get(reference) ?? []), ...names]));
    const wrong = [...shown]
      .filter(
        ([reference, names]) =>
          reference.startsWith('Patient/') ||
          reference.startsWith('RelatedPerson/') ||
          (expected.has(reference) && [...names].some((name) => name !== expected.get(reference))),
      )
      .map(([reference, names]) => `${reference}: ${[...names].join(' / ')}`);
    expect(wrong).toEqual([]);
  });

  // The validator checks a reference's form, not its target: an EHR following one to a
  // resource the platform serves must find it.
  it('every reference to a resource type the platform serves resolves', async () => {
    const readBy = new Map<string, Service>();
    for (const [route, view] of Object.entries(VIEWS)) {
      const type = /^GET \/fhir\/([A-Z][A-Za-z]+)\/:[A-Za-z]+$/.exec(route)?.[1];
      if (type) readBy.set(type, view.service);
    }
    const references = new Set<string>();
    for (const view of Object.values(VIEWS))
      for (const answer of await reads(view)) referencesIn(answer.body, references);
    const followed: string[] = [];
    const dangling: string[] = [];
    for (const reference of references) {
      const [type = '', id] = reference.split('/');
      const service = readBy.get(type);
      if (!service || !id) continue;
      followed.push(reference);
      const answer = await request(service, 'GET', `/fhir/${reference}`, tokens.coordinator);
      if (answer.status !== 200) dangling.push(`${reference} (${service}): ${answer.status}`);
    }
    expect(dangling).toEqual([]);
    expect(followed.map((reference) => reference.split('/')[0])).toEqual(
      expect.arrayContaining([
        'Organization',
        'Location',
        'Practitioner',
        'Schedule',
        'Appointment',
      ]),
    );
  });

  // An EHR joins views by reference: one person is one resource (the interpreter of an
  // Appointment is the same Practitioner in the Encounter of the visit). A Schedule shares
  // its provider's id by design, so only the resource types of people are compared.
  it('names each person by one resource type in every view', async () => {
    const references = new Set<string>();
    for (const view of Object.values(VIEWS))
      for (const answer of await reads(view)) referencesIn(answer.body, references);
    const typesOf = new Map<string, Set<string>>();
    for (const reference of references) {
      const [type = '', id = ''] = reference.split('/');
      if (PEOPLE.has(type)) typesOf.set(id, (typesOf.get(id) ?? new Set()).add(type));
    }
    const ambiguous = [...typesOf]
      .filter(([, types]) => types.size > 1)
      .map(([id, types]) => `${id}: ${[...types].sort().join(', ')}`);
    expect(ambiguous).toEqual([]);
  });

  it('gives each code one display in every view', async () => {
    const displays = new Map<string, Set<string>>();
    for (const view of Object.values(VIEWS))
      for (const answer of await reads(view))
        for (const { system, code, display } of codingsIn(answer.body))
          displays.set(
            `${system}|${code}`,
            (displays.get(`${system}|${code}`) ?? new Set()).add(display),
          );
    const inconsistent = [...displays]
      .filter(([, shown]) => shown.size > 1)
      .map(([code, shown]) => `${code}: ${[...shown].sort().join(' / ')}`);
    expect(inconsistent).toEqual([]);
  });
});

/** Every `reference` of the form `Type/id` anywhere in a body. */
function referencesIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => referencesIn(item, into));
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'reference' && typeof inner === 'string' && /^[A-Z][A-Za-z]+\/[^/]+$/.test(inner))
        into.add(inner);
      else referencesIn(inner, into);
    }
}

/** Every Coding with a display anywhere in a body. */
function codingsIn(value: unknown): { system: string; code: string; display: string }[] {
  if (Array.isArray(value)) return value.flatMap(codingsIn);
  if (!value || typeof value !== 'object') return [];
  const { system, code, display } = value as Record<string, unknown>;
  const own =
    typeof system === 'string' && typeof code === 'string' && typeof display === 'string'
      ? [{ system, code, display }]
      : [];
  return [...own, ...Object.values(value).flatMap(codingsIn)];
}

/** Each `reference` of the form `Type/id` anywhere in a body that carries a `display`, and them. */
function displaysIn(
  value: unknown,
  into = new Map<string, Set<string>>(),
): Map<string, Set<string>> {
  if (Array.isArray(value)) value.forEach((item) => displaysIn(item, into));
  else if (value && typeof value === 'object') {
    const { reference, display } = value as Record<string, unknown>;
    if (typeof reference === 'string' && typeof display === 'string')
      into.set(reference, (into.get(reference) ?? new Set()).add(display));
    Object.values(value).forEach((inner) => displaysIn(inner, into));
  }
  return into;
}
