import { actorOf } from '@thc/auth';
import {
  ConflictException,
  GoneException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { Principal } from '@thc/auth';
import { ConcurrencyError } from '@thc/event-store';
import { PatientErasedError } from '@thc/phi-protection';
import { Clock, CLOCK, InvalidInputException } from '@thc/service-runtime';
import { SCHEDULING_ACTING_ROLES } from '../../appointments/appointments.settings';
import {
  canonicalProfile,
  isViolation,
  PatientProfile,
  sameProfile,
} from '../domain/patient-profile';
import { PatientProfiles, PatientProfileView } from '../infrastructure/patient-profiles.projection';
import { PROFILE_SEALER, ProfileSealer } from '../infrastructure/profile-sealer';
import type {
  PatientProfileRecordedAnswer,
  PatientProfileResponse,
  RecordPatientProfileDto,
} from './patient-profile.dto';
import { PatientReach } from './patient-reach';

export const ERASED = 'the patient was erased: nothing about them is kept or shown';
export const NO_PROFILE = 'no profile is recorded for this patient';

/** Recording and reading a patient's profile, after the caller's reach to the patient. */
@Injectable()
export class PatientProfileHandler {
  constructor(
    private readonly profiles: PatientProfiles,
    private readonly reach: PatientReach,
    @Inject(PROFILE_SEALER) private readonly sealer: ProfileSealer,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /** Whole record, latest wins; the same profile again appends nothing. */
  async record(
    patientId: string,
    dto: RecordPatientProfileDto,
    principal: Principal,
  ): Promise<PatientProfileRecordedAnswer> {
    await this.reach.ensure(principal, patientId, 'refused');
    const profile = canonicalProfile(dto);
    if (isViolation(profile))
      throw new InvalidInputException([{ name: profile.field, reason: profile.reason }]);
    let view = await this.profiles.find(patientId);
    // A view behind its stream is caught up once; a second conflict is another writer.
    for (const lastTry of [false, true]) {
      if (sameProfile(await this.opened(view), profile))
        return { patientId, version: view?.version ?? 0, changed: false };
      try {
        const version = await this.profiles.append(
          view?.version ?? 0,
          {
            patientId,
            preferredLanguage: await this.sealer.seal(patientId, profile.preferredLanguage),
            stateOfResidence: profile.stateOfResidence,
            recordedAt: this.now().toISOString(),
            recordedBy: actorOf(principal, SCHEDULING_ACTING_ROLES),
          },
          { actor: principal.subject },
        );
        return { patientId, version, changed: true };
      } catch (error) {
        if (error instanceof PatientErasedError) throw new GoneException(ERASED);
        if (!(error instanceof ConcurrencyError) || lastTry) throw asConflict(error);
        view = await this.profiles.catchUp(patientId);
      }
    }
    throw new Error('unreachable');
  }

  async read(patientId: string, principal: Principal): Promise<PatientProfileResponse> {
    await this.reach.ensure(principal, patientId, 'in-care');
    const view = await this.profiles.find(patientId);
    if (!view) throw new NotFoundException(NO_PROFILE);
    const language = await this.sealer.open(patientId, view.preferredLanguage);
    // The state is no PHI, but an erased patient's profile is gone as a whole (and the
    // erasure drops the state from the view).
    const { stateOfResidence } = view;
    if (!language.readable || stateOfResidence === undefined) throw new GoneException(ERASED);
    return {
      patientId,
      preferredLanguage: language.value,
      stateOfResidence,
      recordedAt: view.recordedAt,
      version: view.version,
    };
  }

  /** The profile a view holds, undefined when there is none or it no longer opens. */
  private async opened(view: PatientProfileView | undefined): Promise<PatientProfile | undefined> {
    const stateOfResidence = view?.stateOfResidence;
    if (!view || stateOfResidence === undefined) return undefined;
    const language = await this.sealer.open(view._id, view.preferredLanguage);
    if (!language.readable) return undefined;
    return { preferredLanguage: language.value, stateOfResidence };
  }
}

const asConflict = (error: unknown): unknown =>
  error instanceof ConcurrencyError
    ? new ConflictException('the profile was being changed at the same time; repeat the request')
    : error;
