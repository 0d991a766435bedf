import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import { CLOCK, Clock } from '../../clock/sessions-clock.module';
import { TelehealthConsents } from '../consent-gate/telehealth-consents.read-model';
import type { EndOutcome } from '../domain/session.commands';
import type { SessionState } from '../domain/session.state';
import { SESSION_EVENT as E } from '../domain/session.events';
import { actorOf } from '../shared/actor';
import { ProviderCare } from '../shared/provider-care';
import { ensureStaffOrProvider } from '../shared/session-access';
import { Handled, SessionRepository } from '../shared/session.repository';

const REFUSALS: Record<string, string> = {
  'consent-missing': 'the patient has no telehealth consent on record',
  'consent-revoked': 'the patient has revoked their telehealth consent',
  'consent-expired': "the patient's telehealth consent has expired",
  'session-closed': 'the session is closed',
};

/** What the provider (or staff) does to run a visit: start it, admit the patient, end it. */
@Injectable()
export class RunVisitHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly consents: TelehealthConsents,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly care: ProviderCare,
  ) {}

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

  /** The consent gate: without active telehealth consent the refusal is recorded, then 409. */
  async start(sessionId: string, principal: Principal): Promise<Handled> {
    const now = this.clock();
    const before = await this.runnable(sessionId, principal);
    const session = ensureStaffOrProvider(principal, before.state);
    const consent = await this.consents.standingOf(session.patientId, now);
    const after = await this.sessions.handle(
      sessionId,
      (state) => ensureStaffOrProvider(principal, state),
      { type: 'StartSession', consent, at: now.toISOString(), by: actorOf(principal) },
      { actor: principal.subject },
      before,
    );
    const refused = after.events.find((event) => event.type === E.startRefused);
    if (refused?.type === E.startRefused)
      throw new ConflictException(`the visit cannot start: ${REFUSALS[refused.data.reason]}`);
    return after;
  }

  async admit(sessionId: string, principal: Principal): Promise<Handled> {
    const before = await this.runnable(sessionId, principal);
    return this.sessions.handle(
      sessionId,
      (state) => ensureStaffOrProvider(principal, state),
      { type: 'AdmitPatient', at: this.clock().toISOString(), by: actorOf(principal) },
      { actor: principal.subject },
      before,
    );
  }

  async transfer(sessionId: string, toProviderId: string, principal: Principal): Promise<Handled> {
    const before = await this.runnable(sessionId, principal);
    return this.sessions.handle(
      sessionId,
      (state) => ensureStaffOrProvider(principal, state),
      {
        type: 'TransferProvider',
        toProviderId,
        at: this.clock().toISOString(),
        by: actorOf(principal),
      },
      { actor: principal.subject },
      before,
    );
  }

  async end(sessionId: string, outcome: EndOutcome, principal: Principal): Promise<Handled> {
    const before = await this.runnable(sessionId, principal);
    return this.sessions.handle(
      sessionId,
      (state) => ensureStaffOrProvider(principal, state),
      { type: 'EndSession', outcome, at: this.clock().toISOString(), by: actorOf(principal) },
      { actor: principal.subject },
      before,
    );
  }
}
