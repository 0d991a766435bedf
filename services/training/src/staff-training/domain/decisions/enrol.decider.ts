import type { EnrolStaff } from '../staff-training.commands';
import { TrainingRuleError, TrainingStateError } from '../staff-training.errors';
import { STAFF_EVENT as E, StaffTrainingEvent } from '../staff-training.events';
import type { StaffTrainingState } from '../staff-training.state';

const ms = (instant: string): number => Date.parse(instant);

export function enrol(command: EnrolStaff, state: StaffTrainingState): StaffTrainingEvent[] {
  if (state.status !== 'none') throw new TrainingStateError('the staff member is already enrolled');
  if (ms(command.dueAt) <= ms(command.at))
    throw new TrainingRuleError('dueAt must be in the future');
  const { staffId, role, teamId, at, by } = command;
  return [
    { type: E.enrolled, data: { staffId, role, teamId, enrolledAt: at, enrolledBy: by } },
    ...command.required.map(({ module, assignmentId }): StaffTrainingEvent => ({
      type: E.assigned,
      data: {
        staffId,
        assignmentId,
        moduleId: module.moduleId,
        moduleCode: module.moduleCode,
        moduleVersion: module.version,
        reason: 'role-requirement',
        assignedAt: at,
        dueAt: command.dueAt,
        assignedBy: by,
      },
    })),
  ];
}
