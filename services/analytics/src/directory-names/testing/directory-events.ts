import { validateEvent } from '@thc/contracts';
import { randomUUID } from 'node:crypto';
import type { FixtureEvent } from '../../visit-metrics/testing/visit-events.fixture';

const ORGANIZATION = '0b6f3c2a-5d4e-4f1a-9b8c-7d6e5f4a3b21';
const RECORDED_BY = {
  kind: 'user',
  userId: '3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  role: 'admin',
} as const;

function recorded(type: string, data: Record<string, unknown>): FixtureEvent {
  const problem = validateEvent(type, data);
  if (problem) throw new Error(`${type} fixture is invalid: ${problem}`);
  return { id: randomUUID(), type, time: String(data['recordedAt']), data };
}

/** The directory records a clinic (whole record), as scheduling publishes it. */
export function clinicRecorded(
  clinicId: string,
  name: string,
  recordedAt = '2026-02-01T09:00:00Z',
): FixtureEvent {
  return recorded('thc.scheduling.ClinicRecorded.v1', {
    clinicId,
    organizationId: ORGANIZATION,
    name,
    timeZone: 'America/New_York',
    address: { lines: ['1 Harbor Way'], city: 'Newark', state: 'NJ', postalCode: '07102' },
    active: true,
    recordedAt,
    recordedBy: RECORDED_BY,
  });
}

/** The directory records a provider working in some clinics. */
export function providerRecorded(
  staffId: string,
  name: { family: string; given: string[]; prefix?: string[] },
  clinicIds: string[],
  recordedAt = '2026-02-01T09:00:00Z',
): FixtureEvent {
  return recorded('thc.scheduling.StaffMemberRecorded.v1', {
    staffId,
    organizationId: ORGANIZATION,
    name,
    functions: ['provider'],
    clinicIds,
    languages: ['en'],
    licences: [{ state: 'NJ', number: '25MA09876500', expiresOn: '2027-12-31' }],
    active: true,
    recordedAt,
    recordedBy: RECORDED_BY,
  });
}
