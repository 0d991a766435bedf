import type { DemoClient } from './demo-client';
import { detailOf } from './demo-client';
import { inPool, Tally } from './demo-progress';
import type { Roster, StaffMember } from './demo-roster';

/** The people of the organization who are not in the roster's clinics: one of each office. */
export interface OfficeStaff {
  readonly trainer: string;
  readonly analyst: string;
  readonly auditor: string;
  readonly admin: string;
}

export function plannedDirectory(roster: Roster): number {
  return 1 + roster.clinics.length + roster.staff.length + 4;
}

/**
 * The organization, its clinics and its staff, recorded in the directory before anything is
 * booked: booking checks the provider's licence there, and every page names people and
 * places from it. A record that is already there is not changed.
 */
export async function seedDirectory(
  client: DemoClient,
  roster: Roster,
  tally: Tally,
  office: OfficeStaff,
  concurrency: number,
): Promise<void> {
  const as = { role: 'admin' as const, subject: office.admin };
  const organizationId = roster.organization.id;
  const put = async (kind: string, path: string, body: unknown) => {
    const reply = await client.call<{ changed?: boolean }>('scheduling', as, 'PUT', path, body);
    if (reply.status !== 200 && reply.status !== 201)
      tally.add(kind, 'failed', `${reply.status} ${detailOf(reply)}`);
    else tally.add(kind, reply.body.changed === false ? 'existing' : 'created');
  };
  await put('directory organization', `/api/v1/directory/organizations/${organizationId}`, {
    name: roster.organization.name,
    active: true,
  });
  for (const clinic of roster.clinics)
    await put('directory clinic', `/api/v1/directory/clinics/${clinic.id}`, {
      organizationId,
      name: clinic.name,
      timeZone: clinic.timeZone,
      address: clinic.address,
      active: true,
    });
  const everyClinic = roster.clinics.map((clinic) => clinic.id);
  const people: (Pick<StaffMember, 'id' | 'name' | 'clinicIds' | 'licences'> & {
    functions: string[];
    languages: string[];
  })[] = [
    ...roster.staff.map((member) => ({
      ...member,
      functions: [member.role],
      languages: member.language ? ['en', member.language] : ['en'],
    })),
    ...(
      [
        ['trainer', office.trainer, 'Reyes', 'Marisol'],
        ['analyst', office.analyst, 'Lindqvist', 'Jonas'],
        ['auditor', office.auditor, 'Achebe', 'Ngozi'],
        ['admin', office.admin, 'Castellano', 'Teodoro'],
      ] as const
    ).map(([role, id, family, given]) => ({
      id,
      name: { family, given: [given] },
      clinicIds: everyClinic,
      licences: [],
      functions: [role],
      languages: ['en'],
    })),
  ];
  await inPool('directory', people, { limit: concurrency, weight: () => 1 }, (person) =>
    put('directory staff member', `/api/v1/directory/staff/${person.id}`, {
      organizationId,
      name: person.name,
      functions: person.functions,
      clinicIds: person.clinicIds,
      languages: person.languages,
      licences: person.licences,
      active: true,
    }),
  );
}
