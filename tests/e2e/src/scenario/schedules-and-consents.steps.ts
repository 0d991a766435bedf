import { HealthSystem } from './health-system';
import { PlatformApi } from './platform-api';

const EVERY_DAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

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
