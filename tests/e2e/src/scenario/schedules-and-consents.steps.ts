import { HealthSystem } from './health-system';
import { PlatformApi } from './platform-api';

const EVERY_DAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * The admin records the organization, its clinics and its providers with their state licences
 * in the directory: booking and visit start check licences there.
 */
export async function recordDirectory(api: PlatformApi, system: HealthSystem): Promise<void> {
  const admin = { role: 'admin', sub: system.admin } as const;
  const organizationId = system.organizationId;
  await api.expect(
    200,
    'scheduling',
    'PUT',
    `/api/v1/directory/organizations/${organizationId}`,
    admin,
    {
      name: 'Scenario Health',
      active: true,
    },
  );
  for (const [index, clinicId] of system.clinics.entries()) {
    const state = system.clinicStates[index]!;
    await api.expect(200, 'scheduling', 'PUT', `/api/v1/directory/clinics/${clinicId}`, admin, {
      organizationId,
      name: `Scenario Clinic ${index + 1}`,
      timeZone: 'America/New_York',
      address: {
        lines: [`${index + 1} Main Street`],
        city: state === 'NY' ? 'Albany' : 'Newark',
        state,
        postalCode: state === 'NY' ? '12207' : '07102',
      },
      active: true,
    });
  }
  for (const [index, provider] of system.providers.entries())
    await api.expect(200, 'scheduling', 'PUT', `/api/v1/directory/staff/${provider.id}`, admin, {
      organizationId,
      name: { family: `Provider${index + 1}`, given: ['Scenario'], prefix: ['Dr.'] },
      functions: ['provider'],
      clinicIds: [provider.clinicId],
      languages: ['en'],
      licences: [{ state: provider.state, number: `LIC-${index + 1}`, expiresOn: '2099-12-31' }],
      active: true,
    });
}

/** The coordinator opens each provider's telehealth hours: all day, 30-minute visits, no notice. */
export async function defineSchedules(api: PlatformApi, system: HealthSystem): Promise<void> {
  const coordinator = { role: 'coordinator', sub: system.coordinator } as const;
  for (const provider of system.providers) {
    await api.expect(
      200,
      'scheduling',
      'PUT',
      `/api/v1/providers/${provider.id}/schedule`,
      coordinator,
      {
        clinicId: provider.clinicId,
        timeZone: 'UTC',
        slotMinutes: { video: 30, audio: 30 },
        bufferMinutes: { before: 0, after: 0 },
        minimumNoticeMinutes: 0,
        bookingHorizonDays: 60,
        weeklyRules: EVERY_DAY.map((weekday) => ({
          weekday,
          start: '00:00',
          end: '23:30',
          visitTypes: ['video', 'audio'],
        })),
        exceptions: [],
      },
    );
  }
}

/** Telehealth consent for every patient but those listed: e-signature, or verbal with a witness. */
export async function grantConsents(
  api: PlatformApi,
  system: HealthSystem,
  without: ReadonlySet<string>,
): Promise<number> {
  const coordinator = { role: 'coordinator', sub: system.coordinator } as const;
  let granted = 0;
  for (const [index, patientId] of system.patients.entries()) {
    if (without.has(patientId)) continue;
    const verbal = index % 4 === 0;
    await api.expect(
      201,
      'compliance-audit',
      'POST',
      `/api/v1/patients/${patientId}/consents`,
      coordinator,
      {
        scope: 'telehealth',
        method: verbal ? 'verbal' : 'electronic-signature',
        formVersion: 'tele-2026.1',
        ...(verbal ? { witnessId: system.coordinator, witnessRole: 'coordinator' } : {}),
      },
    );
    granted += 1;
  }
  return granted;
}
