import type { RunningPlatform } from '@thc/testing';
import type { StaffAccounts } from './staff-accounts';

/**
 * The directory the identity provider's people belong to, recorded in scheduling by the health
 * system's machine client (an admin token from the provider): the organization, the
 * coordinator's clinic, and both staff members under their provider subjects.
 */
export async function recordStaffDirectory(
  platform: RunningPlatform,
  adminToken: string,
  staff: StaffAccounts,
): Promise<void> {
  const put = async (path: string, body: unknown) => {
    const response = await fetch(`${platform.url('scheduling')}/api/v1/directory/${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(
        `PUT directory/${path} answered ${response.status}: ${await response.text()}`,
      );
  };
  const organizationId = staff.organizationId;
  await put(`organizations/${organizationId}`, { name: 'Riverside Health', active: true });
  await put(`clinics/${staff.clinicId}`, {
    organizationId,
    name: 'Riverside Family Clinic',
    timeZone: 'America/New_York',
    address: { lines: ['1 River Road'], city: 'Albany', state: 'NY', postalCode: '12207' },
    active: true,
  });
  for (const [account, functions, clinicIds] of [
    [staff.coordinator, ['coordinator'], [staff.clinicId]],
    [staff.analyst, ['analyst'], []],
  ] as const) {
    const [given, family] = account.name.split(' ');
    await put(`staff/${account.id}`, {
      organizationId,
      name: { family, given: [given] },
      functions,
      clinicIds,
      languages: ['en'],
      licences: [],
      active: true,
    });
  }
}
