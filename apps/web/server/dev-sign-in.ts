import { ensureLocalKeys, signLocalToken } from '@thc/auth/local-keys';
import type { DevSignInSettings } from './web-settings';

/** The roles a person can sign in as locally, and the directory function each needs. */
const ROLE_FUNCTION = {
  coordinator: 'coordinator',
  provider: 'provider',
  trainer: 'trainer',
  auditor: 'auditor',
  analyst: 'analyst',
  admin: 'admin',
} as const;
export type DevRole = keyof typeof ROLE_FUNCTION;
const ORGANIZATION_WIDE: readonly DevRole[] = ['analyst', 'auditor', 'admin'];
const TTL_SECONDS = 8 * 3600;

interface Clinic {
  readonly clinicId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly address?: { readonly state?: string };
}
interface StaffMember {
  readonly staffId: string;
  readonly displayName: string;
  readonly functions: readonly string[];
  readonly clinicIds: readonly string[];
}
export interface Roster {
  readonly organizationId?: string;
  readonly clinics: readonly { id: string; name: string; state?: string }[];
  readonly people: readonly {
    id: string;
    name: string;
    roles: DevRole[];
    clinicIds: readonly string[];
  }[];
}

export class DevSignInError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Local sign-in for development and demos: a person picked from the directory the scheduling
 * service holds gets a token signed with the local keys the services trust when they run
 * locally. Staff-facing roles cover the clinics the directory lists for the person; analysts,
 * auditors and admins the whole organization. Never enabled in production (see web-settings).
 */
export class DevSignIn {
  private cached?: { at: number; roster: Roster };

  constructor(
    private readonly settings: DevSignInSettings,
    private readonly schedulingUrl: string,
  ) {}

  async roster(): Promise<Roster> {
    if (this.cached && Date.now() - this.cached.at < 60_000) return this.cached.roster;
    const token = await this.sign('admin', 'web-dev-sign-in', 'all', this.settings.organizationId);
    const read = async <T>(path: string): Promise<T> => {
      const answer = await fetch(`${this.schedulingUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!answer.ok)
        throw new DevSignInError(502, `the directory answered ${answer.status} to ${path}`);
      return (await answer.json()) as T;
    };
    const clinics = await read<Clinic[]>('/api/v1/directory/clinics');
    const people = new Map<
      string,
      { id: string; name: string; roles: DevRole[]; clinicIds: readonly string[] }
    >();
    for (const clinic of clinics)
      for (const member of await read<StaffMember[]>(
        `/api/v1/directory/staff?clinicId=${clinic.clinicId}`,
      )) {
        const roles = (Object.keys(ROLE_FUNCTION) as DevRole[]).filter((role) =>
          member.functions.includes(ROLE_FUNCTION[role]),
        );
        if (roles.length > 0)
          people.set(member.staffId, {
            id: member.staffId,
            name: member.displayName,
            roles,
            clinicIds: member.clinicIds,
          });
      }
    const roster: Roster = {
      organizationId: this.settings.organizationId ?? clinics[0]?.organizationId,
      clinics: clinics.map((c) => ({
        id: c.clinicId,
        name: c.name,
        ...(c.address?.state ? { state: c.address.state } : {}),
      })),
      people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
    this.cached = { at: Date.now(), roster };
    return roster;
  }

  async signIn(
    body: unknown,
  ): Promise<{ token: string; expiresAt: string; role: DevRole; subject: string; name: string }> {
    const { role, subject } = (body ?? {}) as { role?: unknown; subject?: unknown };
    if (typeof role !== 'string' || !(role in ROLE_FUNCTION))
      throw new DevSignInError(400, `role must be one of ${Object.keys(ROLE_FUNCTION).join(', ')}`);
    if (typeof subject !== 'string' || subject.length === 0)
      throw new DevSignInError(400, 'subject must be the id of a person in the roster');
    const roster = await this.roster();
    const person = roster.people.find((p) => p.id === subject);
    if (!person) throw new DevSignInError(422, 'subject is not a person in the directory');
    if (!person.roles.includes(role as DevRole))
      throw new DevSignInError(422, `${person.name} does not work as ${role} in the directory`);
    const clinics = ORGANIZATION_WIDE.includes(role as DevRole) ? 'all' : person.clinicIds;
    const token = await this.sign(role as DevRole, subject, clinics, roster.organizationId);
    return {
      token,
      expiresAt: new Date(Date.now() + TTL_SECONDS * 1000).toISOString(),
      role: role as DevRole,
      subject,
      name: person.name,
    };
  }

  private async sign(
    role: DevRole,
    subject: string,
    clinics: 'all' | readonly string[],
    organizationId: string | undefined,
  ): Promise<string> {
    const keys = await ensureLocalKeys(this.settings.authDir);
    return signLocalToken(keys, {
      role,
      subject,
      clinics,
      ttlSeconds: TTL_SECONDS,
      ...(organizationId ? { organizationId } : {}),
    });
  }
}
