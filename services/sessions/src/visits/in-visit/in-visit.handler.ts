import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { SESSIONS_ACTING_ROLES } from '../../sessions.settings';
import type { SessionCommand } from '../domain/session.commands';
import { Handled, SessionRepository } from '../infrastructure/session.repository';
import { ensureParticipantAccess } from '../session-access';
import { AudioOnlyDto, LeaveDto, QualitySampleDto } from './in-visit.dto';

/**
 * What the media clients (or the video platform for them) report during a visit: leaves and
 * drops, connection samples, the fall back to audio only. A patient reports only for themselves.
 */
@Injectable()
export class InVisitHandler {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  leave(sessionId: string, participantId: string, dto: LeaveDto, principal: Principal) {
    return this.report(sessionId, participantId, principal, {
      type: 'LeaveVisit',
      participantId,
      reason: dto.reason,
      issueId: this.newId(),
      at: this.clock().toISOString(),
    });
  }

  sample(sessionId: string, participantId: string, dto: QualitySampleDto, principal: Principal) {
    return this.report(sessionId, participantId, principal, {
      type: 'RecordQualitySample',
      participantId,
      rttMs: dto.rttMs,
      jitterMs: dto.jitterMs,
      packetLossPercent: dto.packetLossPercent,
      bitrateKbps: dto.bitrateKbps,
      ...(dto.mos !== undefined ? { mos: dto.mos } : {}),
      at: this.clock().toISOString(),
    });
  }

  /** The client could not connect to the room: a connection issue, and a platform signal. */
  joinFailed(sessionId: string, participantId: string, principal: Principal) {
    return this.report(sessionId, participantId, principal, {
      type: 'OpenTechnicalIssue',
      issueId: this.newId(),
      category: 'connection',
      participantId,
      trigger: 'failed-join',
      at: this.clock().toISOString(),
      by: actorOf(principal, SESSIONS_ACTING_ROLES),
    });
  }

  audioOnly(sessionId: string, participantId: string, dto: AudioOnlyDto, principal: Principal) {
    return this.report(sessionId, participantId, principal, {
      type: 'SwitchToAudioOnly',
      participantId,
      trigger: dto.trigger,
      at: this.clock().toISOString(),
    });
  }

  /** A report about one participant, by them or by staff who may act for them. */
  private report(
    sessionId: string,
    participantId: string,
    principal: Principal,
    command: SessionCommand,
  ): Promise<Handled> {
    return this.sessions.handle(sessionId, command, {
      check: (state) => ensureParticipantAccess(principal, state, participantId),
      metadata: { actor: principal.subject },
    });
  }
}
