import type { Decider } from '@thc/event-store/decider';
import { assign } from './decisions/assign.decider';
import { record, revoke } from './decisions/certification.decider';
import { check, expiries } from './decisions/check-expiries.decider';
import { complete } from './decisions/complete.decider';
import { reconcileCredential } from './decisions/credential-change.decider';
import { enrol } from './decisions/enrol.decider';
import type { StaffTrainingCommand } from './staff-training.commands';
import { TrainingStateError } from './staff-training.errors';
import type { StaffTrainingEvent } from './staff-training.events';
import { evolveStaffTraining } from './staff-training.evolve';
import { Enrolled, initialStaffTrainingState, StaffTrainingState } from './staff-training.state';

function enrolledOrFail(state: StaffTrainingState): Enrolled {
  if (state.status !== 'enrolled')
    throw new TrainingStateError('the staff member is not enrolled in telehealth training');
  return state;
}

function evolveEnrolled(state: Enrolled, event: StaffTrainingEvent): Enrolled {
  return evolveStaffTraining(state, event) as Enrolled;
}

function decideFor(command: StaffTrainingCommand, state: Enrolled): StaffTrainingEvent[] {
  switch (command.type) {
    case 'EnrolStaff':
      throw new TrainingStateError('the staff member is already enrolled');
    case 'AssignModule':
      return assign(command, state);
    case 'RecordCompletion':
      return complete(command, state);
    case 'RecordExternalCertification':
      return record(command, state);
    case 'RevokeCertification':
      return revoke(command, state);
    case 'CheckExpiries':
      return check(command, state);
  }
}

function decide(command: StaffTrainingCommand, state: StaffTrainingState): StaffTrainingEvent[] {
  if (command.type === 'EnrolStaff') return enrol(command, state);
  if (command.type === 'CheckExpiries' && state.status === 'none') return [];
  const enrolled = enrolledOrFail(state);
  // Expiries that came before `at` are noted first, so that the command and the credential
  // are judged on what is true at `at`, whether or not the clock-driven check ran yet.
  const expired = expiries(enrolled, command.at);
  const afterExpiry = expired.reduce(evolveEnrolled, enrolled);
  const decided = decideFor(command, afterExpiry);
  const after = decided.reduce(evolveEnrolled, afterExpiry);
  return [...expired, ...decided, ...reconcileCredential(after, command.at)];
}

/**
 * One staff member's telehealth training: enrolment in a role, assignments, attempts,
 * certifications and the credential derived from them.
 */
export const staffTrainingDecider: Decider<
  StaffTrainingState,
  StaffTrainingCommand,
  StaffTrainingEvent
> = {
  decide,
  evolve: evolveStaffTraining,
  initialState: initialStaffTrainingState,
};
