import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import {
  SESSIONS_SETTINGS,
  SessionsSettings,
  SESSIONS_ACTING_ROLES,
} from '../../sessions.settings';
import { TelehealthConsents } from '../infrastructure/telehealth-consents.projection';
import type { EndOutcome } from '../domain/session.commands';
import type { ProviderStanding } from '../domain/provider-qualification';
import type { SessionState } from '../domain/session.state';
import { SESSION_EVENT as E, SessionEventOf } from '../domain/session.events';
import { TransferRefusedError } from '../domain/session.errors';
import { ProviderQualifications } from '../infrastructure/provider-qualifications.projection';
import { SessionProviderCare } from '../provider-care';
import { ensureStaffOrProvider } from '../session-access';
import {
  Handled,
  SessionCommandOptions,
  SessionRepository,
} from '../infrastructure/session.repository';
import { Clock, CLOCK } from '@thc/service-runtime';

type StartRefused = SessionEventOf<typeof E.startRefused>['data'];

const CONFIRM_LOCATION =
  'ask the patient to confirm their location (POST /api/v1/sessions/{sessionId}/patient-location), or confirm it on their behalf';

/** Why the start was refused, and for licensure what a coordinator can do about it. */
function refusalOf({ reason, patientState }: StartRefused): string {
  switch (reason) {
    case 'consent-missing':
      return 'the patient has no telehealth consent on record';
    case 'consent-revoked':
      return 'the patient has revoked their telehealth consent';
    case 'consent-expired':
      return "the patient's telehealth consent has expired";
    case 'session-closed':
      return 'the session is closed';
    case 'patient-location-unconfirmed':
      return `the patient has not confirmed where they are in the last hour; ${CONFIRM_LOCATION}`;
    case 'provider-not-licensed-in-patient-state': {
      const where = patientState ?? 'the state the patient confirmed';
      return `the provider holds no active licence in ${where}, where the patient is; transfer the visit to a provider licensed in ${where}, or ${CONFIRM_LOCATION} if they are elsewhere`;
    }
  }
}

/** What the provider (or staff) does to run a visit: start it, admit the patient, end it. */
@Injectable()
export class RunVisitHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly consents: TelehealthConsents,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly care: SessionProviderCare,
    private readonly qualifications: ProviderQualifications,
    @Inject(SESSIONS_SETTINGS) private readonly settings: SessionsSettings,
  ) {}

  /** The incoming provider's credential and licences, as far as the settings ask for them. */
  private async standingOf(providerId: string): Promise<ProviderStanding> {
    const { requireCredential, requireLicence } = this.settings;
    if (!requireCredential && !requireLicence)
      return { credential: 'not-checked', licences: 'not-checked' };
    const qualification = await this.qualifications.of(providerId);
    return {
      credential: requireCredential ? qualification.credential : 'not-checked',
      licences: requireLicence ? qualification.licences : 'not-checked',
    };
  }

  /**
   * The session, loaded once and handed on to `handle` (so this costs no read of its own), if
   * the caller may run it: staff, or its provider within the care window. A long-forgotten
   * session started or ended months later would answer with the patient's visit.
   */
  private async runnable(
    sessionId: string,
    principal: Principal,
  ): Promise<Aggregate<SessionState>> {
    const before = await this.sessions.load(sessionId);
    await this.care.ensureCurrent(principal, ensureStaffOrProvider(principal, before.state));
    return before;
  }

  /** Staff or the provider, checked again on every state decided on. */
  private asRunner(principal: Principal, loaded: Aggregate<SessionState>): SessionCommandOptions {
    return {
      check: (state) => ensureStaffOrProvider(principal, state),
      metadata: { actor: principal.subject },
      loaded,
    };
  }

  /**
   * The consent gate and licensure: without active telehealth consent, a recent confirmation of
   * where the patient is, or a provider licensed there, the refusal is recorded, then 409 with
   * what a coordinator can do.
   */
  async start(sessionId: string, principal: Principal): Promise<Handled> {
    const now = this.clock();
    const before = await this.runnable(sessionId, principal);
    const session = ensureStaffOrProvider(principal, before.state);
    const [consent, licences] = await Promise.all([
      this.consents.standingOf(session.patientId, now),
      this.settings.requireLicence
        ? this.qualifications.of(session.providerId).then((q) => q.licences)
        : ('not-checked' as const),
    ]);
    const after = await this.sessions.handle(
      sessionId,
      {
        type: 'StartSession',
        consent,
        licences,
        at: now.toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      this.asRunner(principal, before),
    );
    const refused = after.events.find((event) => event.type === E.startRefused);
    if (refused?.type === E.startRefused)
      throw new ConflictException(`the visit cannot start: ${refusalOf(refused.data)}`);
    return after;
  }

  async admit(sessionId: string, principal: Principal): Promise<Handled> {
    const before = await this.runnable(sessionId, principal);
    return this.sessions.handle(
      sessionId,
      {
        type: 'AdmitPatient',
        at: this.clock().toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      this.asRunner(principal, before),
    );
  }

  /**
   * Hands the visit over, once the incoming provider is known to hold a current telehealth
   * credential and a licence where the patient is: otherwise 409 with the reason, nothing
   * recorded.
   */
  async transfer(sessionId: string, toProviderId: string, principal: Principal): Promise<Handled> {
    const [before, incoming] = await Promise.all([
      this.runnable(sessionId, principal),
      this.standingOf(toProviderId),
    ]);
    try {
      return await this.sessions.handle(
        sessionId,
        {
          type: 'TransferProvider',
          toProviderId,
          incoming,
          at: this.clock().toISOString(),
          by: actorOf(principal, SESSIONS_ACTING_ROLES),
        },
        this.asRunner(principal, before),
      );
    } catch (error) {
      if (error instanceof TransferRefusedError)
        throw new ConflictException(`the visit cannot be transferred: ${error.message}`);
      throw error;
    }
  }

  async end(sessionId: string, outcome: EndOutcome, principal: Principal): Promise<Handled> {
    const before = await this.runnable(sessionId, principal);
    return this.sessions.handle(
      sessionId,
      {
        type: 'EndSession',
        outcome,
        at: this.clock().toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      this.asRunner(principal, before),
    );
  }
}
