import { deciderSpec } from '@thc/testing';
import { sessionDecider } from './session.decider';
import { IllegalTransitionError, SessionRuleError } from './session.errors';
import { SESSION_EVENT as E, SessionEvent } from './session.events';
import {
  admitted,
  cancelled,
  coordinator,
  created,
  ids,
  joined,
  provider,
  started,
  system,
} from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);
const at = '2031-03-09T13:05:00Z';
const inVisit = [created, started, admitted, joined(ids.patient, 'patient', at)];
const issueOpened: SessionEvent = {
  type: E.issueOpened,
  data: {
    sessionId: ids.session,
    issueId: ids.issue,
    participantId: ids.patient,
    category: 'audio',
    openedAt: at,
    openedBy: provider,
    trigger: 'reported',
  },
};
const ended: SessionEvent = {
  type: E.ended,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    outcome: 'completed',
    startedAt: '2031-03-09T13:00:30Z',
    durationSeconds: 1200,
    endedAt: '2031-03-09T13:20:30Z',
    endedBy: provider,
    audioOnly: false,
  },
};

describe('checks, quality, issues and survey', () => {
  describe('RecordPreVisitCheck', () => {
    const check = {
      type: 'RecordPreVisitCheck',
      participantId: ids.patient,
      checks: { camera: 'fail', microphone: 'pass', speaker: 'pass', network: 'pass' },
      client: { device: 'mobile', browser: 'safari' },
      issueId: ids.issue,
      at,
    } as const;
    it('records a failed check and opens a video issue for it', () =>
      given([created])
        .when(check)
        .then([
          {
            type: E.checkRecorded,
            data: {
              sessionId: ids.session,
              participantId: ids.patient,
              role: 'patient',
              checkedAt: at,
              result: 'failed',
              checks: { camera: 'fail', microphone: 'pass', speaker: 'pass', network: 'pass' },
              client: { device: 'mobile', browser: 'safari' },
            },
          },
          {
            type: E.issueOpened,
            data: {
              sessionId: ids.session,
              issueId: ids.issue,
              participantId: ids.patient,
              category: 'video',
              openedAt: at,
              openedBy: system,
              trigger: 'pre-visit-check',
              device: 'mobile',
              browser: 'safari',
            },
          },
        ]));
    it('records a passing check alone', () =>
      given([created])
        .when({
          ...check,
          checks: { camera: 'pass', microphone: 'pass', speaker: 'skipped', network: 'pass' },
        })
        .then([
          expect.objectContaining({
            type: E.checkRecorded,
            data: expect.objectContaining({ result: 'passed' }),
          }) as never,
        ]));
  });

  describe('RecordQualitySample', () => {
    const sample = {
      type: 'RecordQualitySample',
      participantId: ids.patient,
      rttMs: 420,
      jitterMs: 38,
      packetLossPercent: 2.5,
      bitrateKbps: 640,
      at,
    } as const;
    it('derives the band and an estimated MOS', () =>
      given(inVisit)
        .when(sample)
        .then([
          {
            type: E.sampled,
            data: {
              sessionId: ids.session,
              participantId: ids.patient,
              sampledAt: at,
              rttMs: 420,
              jitterMs: 38,
              packetLossPercent: 2.5,
              bitrateKbps: 640,
              band: 'fair',
              mos: 3.57,
            },
          },
        ]));
    it('keeps a MOS the client reported', () =>
      given(inVisit)
        .when({ ...sample, mos: 3.1 })
        .then([expect.objectContaining({ data: expect.objectContaining({ mos: 3.1 }) }) as never]));
    it('refuses a sample of someone not in the visit', () =>
      given([created]).when(sample).then(SessionRuleError));
  });

  describe('SwitchToAudioOnly', () => {
    const audio = {
      type: 'SwitchToAudioOnly',
      participantId: ids.patient,
      trigger: 'poor-connection',
      at,
    } as const;
    const switched: SessionEvent = {
      type: E.audioOnly,
      data: {
        sessionId: ids.session,
        participantId: ids.patient,
        switchedAt: at,
        trigger: 'poor-connection',
      },
    };
    it('switches once', () => given(inVisit).when(audio).then([switched]));
    it('decides nothing the second time', () =>
      given([...inVisit, switched])
        .when(audio)
        .then([]));
  });

  describe('technical issues', () => {
    const open = {
      type: 'OpenTechnicalIssue',
      issueId: ids.issue,
      category: 'audio',
      participantId: ids.patient,
      at,
      by: provider,
    } as const;
    it('opens a reported issue', () => given(inVisit).when(open).then([issueOpened]));
    it('decides nothing for the same issue id twice', () =>
      given([...inVisit, issueOpened])
        .when(open)
        .then([]));
    const assign = {
      type: 'AssignTechnicalIssue',
      issueId: ids.issue,
      coordinatorId: ids.coordinator,
      at,
      by: coordinator,
    } as const;
    it('assigns an open issue to a coordinator', () =>
      given([...inVisit, issueOpened])
        .when(assign)
        .then([
          {
            type: E.issueAssigned,
            data: {
              sessionId: ids.session,
              issueId: ids.issue,
              coordinatorId: ids.coordinator,
              assignedAt: at,
              assignedBy: coordinator,
            },
          },
        ]));
    const resolve = {
      type: 'ResolveTechnicalIssue',
      issueId: ids.issue,
      outcome: 'fixed',
      steps: ['grant-permissions'],
      at: '2031-03-09T13:07:30Z',
      by: coordinator,
    } as const;
    const resolved: SessionEvent = {
      type: E.issueResolved,
      data: {
        sessionId: ids.session,
        issueId: ids.issue,
        resolvedAt: '2031-03-09T13:07:30Z',
        outcome: 'fixed',
        steps: ['grant-permissions'],
        resolvedBy: coordinator,
        category: 'audio',
        secondsToResolve: 150,
      },
    };
    it('resolves it with an outcome and the steps tried', () =>
      given([...inVisit, issueOpened])
        .when(resolve)
        .then([resolved]));
    it('refuses to resolve twice, or to assign a resolved issue', () => {
      given([...inVisit, issueOpened, resolved])
        .when(resolve)
        .then(IllegalTransitionError);
      given([...inVisit, issueOpened, resolved])
        .when(assign)
        .then(IllegalTransitionError);
    });
    it('refuses an unknown issue', () => given(inVisit).when(resolve).then(SessionRuleError));
  });

  describe('SubmitSurvey', () => {
    const survey = {
      type: 'SubmitSurvey',
      surveyId: ids.survey,
      participantId: ids.patient,
      overall: 5,
      wouldRecommend: 10,
      at: '2031-03-09T13:25:00Z',
    } as const;
    const submitted: SessionEvent = {
      type: E.surveyed,
      data: {
        sessionId: ids.session,
        surveyId: ids.survey,
        participantId: ids.patient,
        role: 'patient',
        submittedAt: '2031-03-09T13:25:00Z',
        satisfaction: 5,
        nps: 10,
      },
    };
    it('takes one response after a visit that took place', () =>
      given([created, started, ended]).when(survey).then([submitted]));
    it('refuses a second response', () =>
      given([created, started, ended, submitted]).when(survey).then(IllegalTransitionError));
    it('refuses a survey of a visit that never took place', () =>
      given([created, cancelled]).when(survey).then(SessionRuleError));
  });
});

describe('failed joins', () => {
  const failed = {
    type: 'OpenTechnicalIssue',
    issueId: ids.issue,
    category: 'connection',
    participantId: ids.patient,
    trigger: 'failed-join',
    at,
    by: system,
  } as const;
  const opened: SessionEvent = {
    type: E.issueOpened,
    data: {
      sessionId: ids.session,
      issueId: ids.issue,
      participantId: ids.patient,
      category: 'connection',
      openedAt: at,
      openedBy: system,
      trigger: 'failed-join',
    },
  };
  it('opens a connection issue for a failed join', () =>
    given([created]).when(failed).then([opened]));
  it('opens nothing more while that participant has one open', () =>
    given([created, opened])
      .when({ ...failed, issueId: ids.survey })
      .then([]));
});
