import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { SESSIONS_ACTING_ROLES } from '../../sessions.settings';
import type { AssignTechnicalIssue, ResolveTechnicalIssue } from '../domain/session.commands';
import type { SessionState } from '../domain/session.state';
import { Handled, SessionRepository } from '../infrastructure/session.repository';
import { TEXT_SEALER, TextSealer } from '../infrastructure/text-sealer';
import {
  ensureParticipantAccess,
  ensureSessionAccess,
  ensureStaffOrProvider,
} from '../session-access';
import {
  AssignIssueDto,
  OpenIssueDto,
  PreVisitCheckDto,
  ResolveIssueDto,
} from './troubleshooting.dto';

type Unstamped<Command> = Omit<Command, 'at' | 'by'>;

/** Pre-visit checks and technical issues: open, assign to a coordinator, resolve. */
@Injectable()
export class TroubleshootingHandler {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(TEXT_SEALER) private readonly sealer: TextSealer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  check(sessionId: string, dto: PreVisitCheckDto, principal: Principal): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      {
        type: 'RecordPreVisitCheck',
        participantId: dto.participantId,
        checks: { ...dto.checks },
        ...(dto.network ? { network: { ...dto.network } } : {}),
        client: { ...dto.client },
        issueId: this.newId(),
        at: this.clock().toISOString(),
      },
      {
        check: (state) => ensureParticipantAccess(principal, state, dto.participantId),
        metadata: { actor: principal.subject },
      },
    );
  }

  async open(
    sessionId: string,
    dto: OpenIssueDto,
    principal: Principal,
  ): Promise<Handled & { issueId: string }> {
    const issueId = this.newId();
    const check = (state: SessionState) =>
      dto.participantId
        ? ensureParticipantAccess(principal, state, dto.participantId)
        : ensureSessionAccess(principal, state);
    const loaded = await this.sessions.load(sessionId);
    const session = check(loaded.state);
    const description = dto.description
      ? await this.sealer.seal(session.patientId, dto.description, 'description')
      : undefined;
    const handled = await this.sessions.handle(
      sessionId,
      {
        type: 'OpenTechnicalIssue',
        issueId,
        category: dto.category,
        ...(dto.participantId ? { participantId: dto.participantId } : {}),
        ...(description ? { description } : {}),
        ...(dto.device ? { device: dto.device } : {}),
        ...(dto.browser ? { browser: dto.browser } : {}),
        at: this.clock().toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      { check, metadata: { actor: principal.subject }, loaded },
    );
    return { ...handled, issueId };
  }

  assign(sessionId: string, issueId: string, dto: AssignIssueDto, principal: Principal) {
    return this.byStaff(sessionId, principal, ensureSessionAccess, {
      type: 'AssignTechnicalIssue',
      issueId,
      coordinatorId: dto.coordinatorId,
    });
  }

  resolve(sessionId: string, issueId: string, dto: ResolveIssueDto, principal: Principal) {
    return this.byStaff(sessionId, principal, ensureStaffOrProvider, {
      type: 'ResolveTechnicalIssue',
      issueId,
      outcome: dto.outcome,
      steps: [...dto.steps],
    });
  }

  /** An issue's follow-up by the staff member acting, stamped with them and the time. */
  private byStaff(
    sessionId: string,
    principal: Principal,
    ensure: (principal: Principal, state: SessionState) => unknown,
    command: Unstamped<AssignTechnicalIssue> | Unstamped<ResolveTechnicalIssue>,
  ): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      { ...command, at: this.clock().toISOString(), by: actorOf(principal, SESSIONS_ACTING_ROLES) },
      {
        check: (state) => {
          ensure(principal, state);
        },
        metadata: { actor: principal.subject },
      },
    );
  }
}
