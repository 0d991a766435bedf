import { Module, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { EventStoreModule } from '@thc/event-store';
import { TOPICS } from '@thc/contracts';
import { KafkaModule, OutboxRelayModule } from '@thc/messaging';
import {
  Clock,
  ClockModule,
  IdsModule,
  createServiceApp,
  PlatformModule,
} from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { StaffCredentials } from '../../credentials/staff-credentials.projection';
import type { StaffRecord } from '../../directory/domain/directory-records';
import { DirectoryRecorder, RecordingContext } from '../../directory/directory.recorder';
import { serviceIdentity } from '../../service.identity';
import { WaitlistRecoveryModule } from '../../waitlist/waitlist-recovery.module';
import { AppointmentsModule } from '../appointments.module';
import { callService } from '@thc/testing';

/**
 * The tests' clock: it starts at 2031-01-01 06:00 UTC when the test file loads and runs at
 * real speed. Fixed dates in 2031 stay ahead of it and within the booking horizon whenever
 * the tests run, and "now" is always early morning UTC, far from the fixture's closing hour.
 */
const EPOCH = Date.parse('2031-01-01T06:00:00Z');
const loadedAt = Date.now();
export const testClock: Clock = () => new Date(EPOCH + (Date.now() - loadedAt));

/** The scheduling service as its AppModule wires appointments, without the outbox relay. */
@Module({
  imports: [
    PlatformModule.forService(serviceIdentity),
    KafkaModule,
    EventStoreModule,
    ClockModule.use(testClock),
    IdsModule.use(),
    AppointmentsModule,
  ],
})
export class AppointmentsTestModule {}

export interface TestAppOptions {
  /** Another clock than `testClock` (e.g. one a test moves forward). */
  readonly clock?: Clock;
  /** Run the outbox relay too, so stored events reach Kafka. */
  readonly relay?: boolean;
  /** Run the waitlist's consumer of cancellations too (needs the scheduling topic). */
  readonly recovery?: boolean;
}

function moduleFor(options: TestAppOptions): Type<unknown> {
  if (!options.clock && !options.relay && !options.recovery) return AppointmentsTestModule;
  @Module({
    imports: [
      PlatformModule.forService(serviceIdentity),
      KafkaModule,
      EventStoreModule,
      ClockModule.use(options.clock ?? testClock),
      IdsModule.use(),
      ...(options.relay
        ? [OutboxRelayModule.forService({ source: '/thc/scheduling', topic: TOPICS.scheduling })]
        : []),
      AppointmentsModule,
      ...(options.recovery ? [WaitlistRecoveryModule] : []),
    ],
  })
  class CustomSchedulingTestModule {}
  return CustomSchedulingTestModule;
}

/** Starts an instance on a free port; the environment (prefixes, settings) is read now. */
export async function startSchedulingApp(
  options: TestAppOptions = {},
): Promise<{ app: NestExpressApplication; url: string }> {
  const app = await createServiceApp(moduleFor(options), serviceIdentity, {
    logger: ['error'],
  });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

/** Records a current credential for a provider directly in the read model (no Kafka). */
export async function credentialProvider(
  app: NestExpressApplication,
  providerId: string,
  validUntil = '2099-01-01T00:00:00Z',
): Promise<void> {
  await app.get(StaffCredentials).credentialed(randomUUID(), {
    staffId: providerId,
    role: 'provider',
    credentialedAt: new Date().toISOString(),
    validUntil,
    certificationIds: [randomUUID()],
  });
}

/**
 * A schedule open all day, every day, in Asia/Kolkata (its day ends at 18:30 UTC, away from
 * the tests' times), 30-minute visits of both types, no notice, two years ahead; defined over
 * HTTP by a coordinator like any schedule.
 */
export function openScheduleBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clinicId: randomUUID(),
    timeZone: 'Asia/Kolkata',
    slotMinutes: { video: 30, audio: 30 },
    bufferMinutes: { before: 0, after: 0 },
    minimumNoticeMinutes: 0,
    bookingHorizonDays: 730,
    weeklyRules: (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((weekday) => ({
      weekday,
      start: '00:00',
      end: '23:59',
      visitTypes: ['video', 'audio'],
    })),
    exceptions: [],
    ...overrides,
  };
}

/** Defines (or changes) a provider's schedule through the API; fails the test if refused. */
export async function defineSchedule(
  url: string,
  coordinator: Record<string, string>,
  providerId: string,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  const response = await callService(
    url,
    'PUT',
    `/api/v1/providers/${providerId}/schedule`,
    coordinator,
    openScheduleBody(overrides),
  );
  if (response.status !== 200)
    throw new Error(`schedule for ${providerId} refused: ${response.status} ${response.text}`);
}

/**
 * A provider who can be booked: listed in the directory with a licence in the tests' patient
 * state (TEST_PATIENT_LOCATION), a current credential and an open schedule.
 */
export async function bookableProvider(
  target: { app: NestExpressApplication; url: string },
  coordinator: Record<string, string>,
  providerId: string,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  await listInDirectory(target.app, providerId);
  await credentialProvider(target.app, providerId);
  await defineSchedule(target.url, coordinator, providerId, overrides);
}

/** Where booking tests' patients say they will be; every test provider is licensed there. */
export const TEST_PATIENT_LOCATION = { state: 'NY' } as const;

/** The organization and clinic test staff are listed in (the same in every test database). */
export const TEST_DIRECTORY = {
  organizationId: '0c0ffee0-0000-4000-8000-00000000a001',
  clinicId: '0c0ffee0-0000-4000-8000-00000000c001',
} as const;

const recording: RecordingContext = {
  actor: { kind: 'user', userId: '0c0ffee0-0000-4000-8000-0000000ad001', role: 'admin' },
  metadata: { actor: '0c0ffee0-0000-4000-8000-0000000ad001' },
};
const directoryReady = new WeakMap<NestExpressApplication, Promise<unknown>>();

/** Records the test organization and clinic once per app (again is unchanged, records nothing). */
function testDirectory(app: NestExpressApplication): Promise<unknown> {
  const known = directoryReady.get(app);
  if (known) return known;
  const recorder = app.get(DirectoryRecorder);
  const ready = (async () => {
    await recorder.recordOrganization(
      { organizationId: TEST_DIRECTORY.organizationId, name: 'Test Health', active: true },
      recording,
    );
    await recorder.recordClinic(
      {
        clinicId: TEST_DIRECTORY.clinicId,
        organizationId: TEST_DIRECTORY.organizationId,
        name: 'Test Clinic',
        timeZone: 'America/New_York',
        address: { lines: ['1 Test Plaza'], city: 'Albany', state: 'NY', postalCode: '12207' },
        active: true,
      },
      recording,
    );
  })();
  directoryReady.set(app, ready);
  return ready;
}

/**
 * Lists a staff member in the directory directly (no HTTP): by default a provider licensed in
 * the tests' patient state until 2099; `overrides` make an interpreter, other licences, etc.
 */
export async function listInDirectory(
  app: NestExpressApplication,
  staffId: string,
  overrides: Partial<Omit<StaffRecord, 'staffId'>> = {},
): Promise<void> {
  await testDirectory(app);
  await app.get(DirectoryRecorder).recordStaffMember(
    {
      staffId,
      organizationId: TEST_DIRECTORY.organizationId,
      name: { family: `Tester-${staffId.slice(0, 8)}`, given: ['Pat'], prefix: ['Dr.'] },
      functions: ['provider'],
      clinicIds: [TEST_DIRECTORY.clinicId],
      languages: ['en'],
      licences: [
        {
          state: TEST_PATIENT_LOCATION.state,
          number: `LIC-${staffId.slice(0, 8)}`,
          expiresOn: '2099-12-31',
        },
      ],
      active: true,
      ...overrides,
    },
    recording,
  );
}

/**
 * An interpreter who can be held: listed in the directory with their languages, a current
 * credential and an open schedule (like a provider's, through the same endpoint).
 */
export async function bookableInterpreter(
  target: { app: NestExpressApplication; url: string },
  coordinator: Record<string, string>,
  staffId: string,
  languages: readonly string[] = ['es'],
  scheduleOverrides: Record<string, unknown> = {},
): Promise<void> {
  await listInDirectory(target.app, staffId, {
    name: { family: `Interpreter-${staffId.slice(0, 8)}`, given: ['Ana'] },
    functions: ['interpreter'],
    languages: [...languages],
    licences: [],
  });
  await credentialProvider(target.app, staffId);
  await defineSchedule(target.url, coordinator, staffId, scheduleOverrides);
}
