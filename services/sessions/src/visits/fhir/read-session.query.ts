import type { Encounter } from '@medplum/fhirtypes';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import type { Session } from '../domain/session.state';
import { ClinicNames } from '../infrastructure/clinic-names.projection';
import { ProviderQualifications } from '../infrastructure/provider-qualifications.projection';
import { SessionRepository } from '../infrastructure/session.repository';
import { SessionProviderCare } from '../provider-care';
import { ensureSessionAccess } from '../session-access';
import { toFhirEncounter } from './fhir-encounter';

/** The participants the directory lists: patients and caregivers are never looked up by name. */
const STAFF_ROLES: ReadonlySet<string> = new Set(['provider', 'interpreter']);

/** One session as its stream stands now, for a caller who may read it. */
@Injectable()
export class ReadSessionQuery {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly care: SessionProviderCare,
    private readonly staff: ProviderQualifications,
    private readonly clinics: ClinicNames,
  ) {}

  /** The session if the caller may read it now: its own, and a provider's only within care. */
  async session(
    principal: Principal,
    sessionId: string,
  ): Promise<{ session: Session; version: number }> {
    const { state, version } = await this.sessions.load(sessionId);
    const session = ensureSessionAccess(principal, state);
    await this.care.ensureCurrent(principal, session);
    return { session, version };
  }

  /** The session as a FHIR R4 Encounter, with the names the directory gives its staff and clinic. */
  async encounter(principal: Principal, sessionId: string): Promise<Encounter> {
    const { session } = await this.session(principal, sessionId);
    // The names people read, side by side: the visit's staff in one read, its clinic in one.
    const [staff, clinic] = await Promise.all([
      this.staff.namesOf(
        session.participants.filter((p) => STAFF_ROLES.has(p.role)).map((p) => p.participantId),
      ),
      this.clinics.nameOf(session.clinicId),
    ]);
    return toFhirEncounter(session, { staff, ...(clinic ? { clinic } : {}) });
  }
}
