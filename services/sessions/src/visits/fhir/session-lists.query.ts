import { ForbiddenException, Injectable } from '@nestjs/common';
import { clinicFilterOf, ensurePatientAccess, Principal } from '@thc/auth';
import { SessionViews } from '../infrastructure/session-views.projection';
import { SessionProviderCare } from '../provider-care';
import { SessionResponse, toResponse } from '../session.response';

const isStaff = (principal: Principal): boolean =>
  principal.roles.includes('coordinator') || principal.roles.includes('admin');

/**
 * The query's bound for staff: the clinics they cover, in the query itself, so a foreign
 * clinic's sessions are never read, counted or paged over. Undefined when there is none.
 */
function clinicBound(principal: Principal): { clinicId?: { $in: string[] } } {
  const clinics = isStaff(principal) ? clinicFilterOf(principal) : undefined;
  return clinics === undefined ? {} : { clinicId: { $in: [...clinics] } };
}

/** Sessions of one patient or one provider, soonest first, from the session views. */
@Injectable()
export class SessionLists {
  constructor(
    private readonly views: SessionViews,
    private readonly care: SessionProviderCare,
  ) {}

  /** A patient's own sessions; a provider sees only those they run; staff those of their clinics. */
  async ofPatient(principal: Principal, patientId: string): Promise<SessionResponse[]> {
    const provider = principal.roles.includes('provider') && !isStaff(principal);
    const self = principal.roles.includes('patient') && principal.subject === patientId;
    if (!provider && !self && !isStaff(principal)) ensurePatientAccess(principal, patientId);
    const views = await this.views.list({
      patientId,
      ...(provider ? { providerId: principal.subject } : {}),
      ...(self ? {} : clinicBound(principal)),
    });
    // Staff reach the patient through a session in a clinic they cover: the rows just read are
    // exactly those, so the check costs no read of its own and tells nothing of other clinics.
    if (!provider && !self)
      ensurePatientAccess(principal, patientId, false, [...new Set(views.map((v) => v.clinicId))]);
    // A provider's care of the patient ends the care window after their last visit: from then
    // on they see none of the patient's sessions, as if they had never run one.
    if (provider && !this.care.isCurrent(views)) return [];
    return views.map((view) => toResponse(view, view.version));
  }

  async ofProvider(principal: Principal, providerId: string): Promise<SessionResponse[]> {
    if (!isStaff(principal) && principal.subject !== providerId)
      throw new ForbiddenException('a provider sees only their own sessions');
    const views = await this.views.list({ providerId, ...clinicBound(principal) });
    return views.map((view) => toResponse(view, view.version));
  }
}
