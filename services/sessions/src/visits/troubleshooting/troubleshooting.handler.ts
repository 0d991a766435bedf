import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import {
  ensureParticipantAccess,
  ensureSessionAccess,
  ensureStaffOrProvider,
} from '../shared/session-access';
import { Handled, SessionRepository } from '../shared/session.repository';
import { TEXT_SEALER, TextSealer } from '../shared/text-sealer';
import {
  AssignIssueDto,
  OpenIssueDto,
  PreVisitCheckDto,
  ResolveIssueDto,
} from './troubleshooting.dto';
import { SESSIONS_ACTING_ROLES } from '../../sessions.settings';
import { Clock, CLOCK } from '@thc/service-runtime';

/** Pre-visit checks and technical issues: open, assign to a coordinator, resolve. */
@Injectable()
export class TroubleshootingHandler {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(TEXT_SEALER) private readonly sealer: TextSealer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  check(sessionId: string, dto: PreVisitCheckDto, principal: Principal): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      (state) => ensureParticipantAccess(principal, state, dto.participantId),
      {
        type: 'RecordPreVisitCheck',
        participantId: dto.participantId,
        checks: { ...dto.checks },
        ...(dto.network ? { network: { ...dto.network } } : {}),
        client: { ...dto.client },
        issueId: randomUUID(),
        at: this.clock().toISOString(),
      },
      { actor: principal.subject },
    );
  }

  async open(
    sessionId: string,
    dto: OpenIssueDto,
    principal: Principal,
  ): Promise<Handled & { issueId: string }> {
    const issueId = randomUUID();
    const check = (state: Parameters<typeof ensureSessionAccess>[1]) =>
      dto.participantId
        ? ensureParticipantAccess(principal, state, dto.participantId)
        : ensureSessionAccess(principal, state);
    const before = await this.sessions.load(sessionId);
    const session = check(before.state);
    const description = dto.description
      ? await this.sealer.seal(session.patientId, dto.description, 'description')
      : undefined;
    const handled = await this.sessions.handle(
      sessionId,
      check,
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
      { actor: principal.subject },
      before,
    );
    return { ...handled, issueId };
  }

  assign(
    sessionId: string,
    issueId: string,
    dto: AssignIssueDto,
    principal: Principal,
  ): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      (state) => ensureSessionAccess(principal, state),
      {
        type: 'AssignTechnicalIssue',
        issueId,
        coordinatorId: dto.coordinatorId,
        at: this.clock().toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      { actor: principal.subject },
    );
  }

  resolve(
    sessionId: string,
    issueId: string,
    dto: ResolveIssueDto,
    principal: Principal,
  ): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      (state) => ensureStaffOrProvider(principal, state),
      {
        type: 'ResolveTechnicalIssue',
        issueId,
        outcome: dto.outcome,
        steps: [...dto.steps],
        at: this.clock().toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      { actor: principal.subject },
    );
  }
}
