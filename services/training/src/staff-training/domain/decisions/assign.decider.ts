import type { AssignModule } from '../staff-training.commands';
import { TrainingRuleError, TrainingStateError } from '../staff-training.errors';
import { STAFF_EVENT as E, StaffTrainingEvent } from '../staff-training.events';
import type { Enrolled } from '../staff-training.state';

const ms = (instant: string): number => Date.parse(instant);

export function assign(command: AssignModule, state: Enrolled): StaffTrainingEvent[] {
  const { module } = command;
  if (state.assignments.some((a) => a.moduleId === module.moduleId && a.status === 'open'))
    throw new TrainingStateError(`${module.moduleCode} is already assigned and not yet passed`);
  if (ms(command.dueAt) <= ms(command.at))
    throw new TrainingRuleError('dueAt must be in the future');
  return [
    {
      type: E.assigned,
      data: {
        staffId: state.staffId,
        assignmentId: command.assignmentId,
        moduleId: module.moduleId,
        moduleCode: module.moduleCode,
        moduleVersion: module.version,
        reason: command.reason,
        assignedAt: command.at,
        dueAt: command.dueAt,
        assignedBy: command.by,
      },
    },
  ];
}
