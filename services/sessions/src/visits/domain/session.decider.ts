import type { Decider } from '@thc/event-store/decider';
import { giveConsentAtJoin } from './consent-at-join.decider';
import { confirmLocation } from './patient-location.decider';
import { close, create, end, move, start, transfer } from './session-lifecycle.decider';
import {
  assignIssue,
  openIssue,
  recordCheck,
  resolveIssue,
  sample,
  survey,
  switchToAudio,
} from './session-support.decider';
import { assignInterpreter } from './session-interpreter.decider';
import type { SessionCommand } from './session.commands';
import type { SessionEvent } from './session.events';
import { evolve } from './session.evolve';
import { initialSessionState, SessionState } from './session.state';
import { admit, issueLink, join, leave, revokeLink } from './visit-presence.decider';

function decide(command: SessionCommand, state: SessionState): SessionEvent[] {
  switch (command.type) {
    case 'CreateSession':
      return create(command, state);
    case 'MoveSession':
      return move(command, state);
    case 'AssignSessionInterpreter':
      return assignInterpreter(command, state);
    case 'CloseSession':
      return close(command, state);
    case 'IssueJoinLink':
      return issueLink(command, state);
    case 'RevokeJoinLink':
      return revokeLink(command, state);
    case 'RecordPreVisitCheck':
      return recordCheck(command, state);
    case 'JoinVisit':
      return join(command, state);
    case 'AdmitPatient':
      return admit(command, state);
    case 'StartSession':
      return start(command, state);
    case 'ConfirmPatientLocation':
      return confirmLocation(command, state);
    case 'GiveConsentAtJoin':
      return giveConsentAtJoin(command, state);
    case 'LeaveVisit':
      return leave(command, state);
    case 'RecordQualitySample':
      return sample(command, state);
    case 'SwitchToAudioOnly':
      return switchToAudio(command, state);
    case 'OpenTechnicalIssue':
      return openIssue(command, state);
    case 'AssignTechnicalIssue':
      return assignIssue(command, state);
    case 'ResolveTechnicalIssue':
      return resolveIssue(command, state);
    case 'EndSession':
      return end(command, state);
    case 'TransferProvider':
      return transfer(command, state);
    case 'SubmitSurvey':
      return survey(command, state);
  }
}

/** One virtual visit from booking to survey: pure, time and ids come in the commands. */
export const sessionDecider: Decider<SessionState, SessionCommand, SessionEvent> = {
  decide,
  evolve,
  initialState: initialSessionState,
};
