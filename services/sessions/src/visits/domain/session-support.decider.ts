import { estimatedMos, qualityBand } from '@thc/contracts';
import type {
  AssignTechnicalIssue,
  OpenTechnicalIssue,
  RecordPreVisitCheck,
  RecordQualitySample,
  ResolveTechnicalIssue,
  SubmitSurvey,
  SwitchToAudioOnly,
} from './session.commands';
import { sampleRefusal } from './quality-sample-limits';
import {
  IllegalTransitionError,
  QualitySampleRefusedError,
  SessionRuleError,
} from './session.errors';
import { IssueCategory, ParticipantRole, SESSION_EVENT as E, SessionEvent } from './session.events';
import { existing, notEnded, participantOf, seconds } from './session.guards';
import { absent, NO_SAMPLES, SessionState } from './session.state';

/** Which issue a failed check is: the first failing part in this order names it. */
const CHECK_CATEGORY: ReadonlyArray<[keyof RecordPreVisitCheck['checks'], IssueCategory]> = [
  ['network', 'connection'],
  ['camera', 'video'],
  ['microphone', 'audio'],
  ['speaker', 'audio'],
];

/** The device test; a failing one opens an issue so a coordinator helps before the visit. */
export function recordCheck(command: RecordPreVisitCheck, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'record a check for');
  const participant = participantOf(session, command.participantId);
  const parts = Object.values(command.checks);
  const result = parts.includes('fail') ? 'failed' : parts.includes('warn') ? 'warning' : 'passed';
  const recorded: SessionEvent = {
    type: E.checkRecorded,
    data: {
      sessionId: session.sessionId,
      participantId: participant.participantId,
      role: participant.role as ParticipantRole,
      checkedAt: command.at,
      result,
      checks: { ...command.checks },
      ...(command.network ? { network: { ...command.network } } : {}),
      client: { ...command.client },
    },
  };
  const failed = CHECK_CATEGORY.find(([part]) => command.checks[part] === 'fail');
  if (!failed) return [recorded];
  return [
    recorded,
    {
      type: E.issueOpened,
      data: {
        sessionId: session.sessionId,
        issueId: command.issueId,
        participantId: participant.participantId,
        category: failed[1],
        openedAt: command.at,
        openedBy: { kind: 'system', service: 'sessions' },
        trigger: 'pre-visit-check',
        device: command.client.device,
        browser: command.client.browser,
      },
    },
  ];
}

export function sample(command: RecordQualitySample, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'sample the connection of');
  const participant = participantOf(session, command.participantId);
  if (!(session.presence[participant.participantId] ?? absent).present)
    throw new SessionRuleError('the participant is not in the visit');
  const refusal = sampleRefusal(
    session.quality[participant.participantId] ?? NO_SAMPLES,
    command.at,
  );
  if (refusal) throw new QualitySampleRefusedError(refusal);
  const metrics = {
    rttMs: command.rttMs,
    jitterMs: command.jitterMs,
    packetLossPercent: command.packetLossPercent,
  };
  return [
    {
      type: E.sampled,
      data: {
        sessionId: session.sessionId,
        participantId: participant.participantId,
        sampledAt: command.at,
        ...metrics,
        bitrateKbps: command.bitrateKbps,
        band: qualityBand(metrics),
        mos: command.mos ?? estimatedMos(metrics),
      },
    },
  ];
}

export function switchToAudio(command: SwitchToAudioOnly, state: SessionState): SessionEvent[] {
  const session = notEnded(state, 'switch to audio only in');
  const participant = participantOf(session, command.participantId);
  if ((session.presence[participant.participantId] ?? absent).audioOnly) return [];
  return [
    {
      type: E.audioOnly,
      data: {
        sessionId: session.sessionId,
        participantId: participant.participantId,
        switchedAt: command.at,
        trigger: command.trigger,
      },
    },
  ];
}

export function openIssue(command: OpenTechnicalIssue, state: SessionState): SessionEvent[] {
  const session = existing(state, 'open an issue on');
  if (command.participantId) participantOf(session, command.participantId);
  if (session.issues.some((issue) => issue.issueId === command.issueId)) return [];
  // Repeated failed joins of one participant are one problem, already in the queue.
  const failing = session.issues.some(
    (issue) =>
      issue.open &&
      issue.participantId === command.participantId &&
      issue.category === command.category,
  );
  if (command.trigger === 'failed-join' && failing) return [];
  const { type: _, at, by, trigger, ...data } = command;
  return [
    {
      type: E.issueOpened,
      data: {
        sessionId: session.sessionId,
        ...data,
        openedAt: at,
        openedBy: by,
        trigger: trigger ?? 'reported',
      },
    },
  ];
}

function openIssueOf(state: SessionState, issueId: string, action: string) {
  const session = existing(state, action);
  const issue = session.issues.find((i) => i.issueId === issueId);
  if (!issue) throw new SessionRuleError('no such issue in this session');
  if (!issue.open) throw new IllegalTransitionError(action, 'resolved');
  return { session, issue };
}

export function assignIssue(command: AssignTechnicalIssue, state: SessionState): SessionEvent[] {
  const { session, issue } = openIssueOf(state, command.issueId, 'assign an issue of');
  if (issue.assignedTo === command.coordinatorId) return [];
  return [
    {
      type: E.issueAssigned,
      data: {
        sessionId: session.sessionId,
        issueId: issue.issueId,
        coordinatorId: command.coordinatorId,
        assignedAt: command.at,
        assignedBy: command.by,
      },
    },
  ];
}

export function resolveIssue(command: ResolveTechnicalIssue, state: SessionState): SessionEvent[] {
  const { session, issue } = openIssueOf(state, command.issueId, 'resolve an issue of');
  return [
    {
      type: E.issueResolved,
      data: {
        sessionId: session.sessionId,
        issueId: issue.issueId,
        resolvedAt: command.at,
        outcome: command.outcome,
        steps: [...command.steps],
        resolvedBy: command.by,
        category: issue.category,
        secondsToResolve: seconds(issue.openedAt, command.at),
      },
    },
  ];
}

/** One response per session, after a visit that took place. */
export function survey(command: SubmitSurvey, state: SessionState): SessionEvent[] {
  const session = existing(state, 'survey');
  if (session.status !== 'ended' || !session.startedAt)
    throw new SessionRuleError('the survey opens after a visit that took place');
  if (session.surveyed) throw new IllegalTransitionError('survey', 'surveyed');
  const participant = participantOf(session, command.participantId);
  return [
    {
      type: E.surveyed,
      data: {
        sessionId: session.sessionId,
        surveyId: command.surveyId,
        participantId: participant.participantId,
        role: participant.role as ParticipantRole,
        submittedAt: command.at,
        satisfaction: command.overall,
        nps: command.wouldRecommend,
        ...(command.technicalQuality !== undefined
          ? { audioVideoQuality: command.technicalQuality }
          : {}),
        ...(command.comment ? { comment: command.comment } : {}),
      },
    },
  ];
}
