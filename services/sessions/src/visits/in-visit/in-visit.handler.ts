import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { ensureParticipantAccess } from '../shared/session-access';
import { Handled, SessionRepository } from '../shared/session.repository';
import { AudioOnlyDto, LeaveDto, QualitySampleDto } from './in-visit.dto';
import { SESSIONS_ACTING_ROLES } from '../../sessions.settings';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * What the media clients (or the video platform for them) report during a visit: leaves and
 * drops, connection samples, the fall back to audio only. A patient reports only for themselves.
 */
@Injectable()
export class InVisitHandler {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private run(participantId: string, principal: Principal) {
    return (state: Parameters<typeof ensureParticipantAccess>[1]) =>
      ensureParticipantAccess(principal, state, participantId);
  }

  leave(
    sessionId: string,
    participantId: string,
    dto: LeaveDto,
    principal: Principal,
  ): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      this.run(participantId, principal),
      {
        type: 'LeaveVisit',
        participantId,
        reason: dto.reason,
        issueId: randomUUID(),
        at: this.clock().toISOString(),
      },
      { actor: principal.subject },
    );
  }

  sample(
    sessionId: string,
    participantId: string,
    dto: QualitySampleDto,
    principal: Principal,
  ): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      this.run(participantId, principal),
      {
        type: 'RecordQualitySample',
        participantId,
        rttMs: dto.rttMs,
        jitterMs: dto.jitterMs,
        packetLossPercent: dto.packetLossPercent,
        bitrateKbps: dto.bitrateKbps,
        ...(dto.mos !== undefined ? { mos: dto.mos } : {}),
        at: this.clock().toISOString(),
      },
      { actor: principal.subject },
    );
  }

  /** The client could not connect to the room: a connection issue, and a platform signal. */
  joinFailed(sessionId: string, participantId: string, principal: Principal): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      this.run(participantId, principal),
      {
        type: 'OpenTechnicalIssue',
        issueId: randomUUID(),
        category: 'connection',
        participantId,
        trigger: 'failed-join',
        at: this.clock().toISOString(),
        by: actorOf(principal, SESSIONS_ACTING_ROLES),
      },
      { actor: principal.subject },
    );
  }

  audioOnly(
    sessionId: string,
    participantId: string,
    dto: AudioOnlyDto,
    principal: Principal,
  ): Promise<Handled> {
    return this.sessions.handle(
      sessionId,
      this.run(participantId, principal),
      {
        type: 'SwitchToAudioOnly',
        participantId,
        trigger: dto.trigger,
        at: this.clock().toISOString(),
      },
      { actor: principal.subject },
    );
  }
}
