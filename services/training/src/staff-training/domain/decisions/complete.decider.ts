import {
  CERTIFICATION_SOURCES,
  kindsEarnedBy,
  ModuleTopic,
  renewalDaysFor,
} from '../../../requirements/role-requirements';
import type { RecordCompletion } from '../staff-training.commands';
import { TrainingRuleError, TrainingStateError } from '../staff-training.errors';
import { STAFF_EVENT as E, StaffTrainingEvent } from '../staff-training.events';
import { evolveStaffTraining } from '../staff-training.evolve';
import type { Enrolled } from '../staff-training.state';

const DAY_MS = 86_400_000;
const ms = (instant: string): number => Date.parse(instant);
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

export function complete(command: RecordCompletion, state: Enrolled): StaffTrainingEvent[] {
  const { module } = command;
  if (ms(command.completedAt) > ms(command.at))
    throw new TrainingRuleError('completedAt must not be in the future');
  const attempts = state.attemptsSincePass[module.moduleId] ?? 0;
  if (attempts >= module.maxAttempts)
    throw new TrainingStateError(
      `no attempts left on ${module.moduleCode} (${module.maxAttempts} failed); a trainer must assign it again`,
    );
  const open = state.assignments.find((a) => a.moduleId === module.moduleId && a.status === 'open');
  const passed = command.scorePercent >= module.passMarkPercent;
  const completed: StaffTrainingEvent = {
    type: E.completed,
    data: {
      staffId: state.staffId,
      moduleId: module.moduleId,
      moduleCode: module.moduleCode,
      attempt: attempts + 1,
      scorePercent: command.scorePercent,
      passed,
      completedAt: command.completedAt,
      moduleTopic: module.topic,
      moduleVersion: module.version,
      ...(open ? { assignmentId: open.assignmentId } : {}),
      passMarkPercent: module.passMarkPercent,
      maxAttempts: module.maxAttempts,
      ...(command.evidenceRef ? { evidenceRef: command.evidenceRef } : {}),
    },
  };
  if (!passed) return [completed];
  return [completed, ...grantEarned(command, evolveStaffTraining(state, completed) as Enrolled)];
}

/**
 * The certification this pass completes, if any: every module topic behind it passed. It is
 * valid for the role's renewal period from the oldest of those completions. One per pass: in
 * the policy a topic counts towards one certification.
 */
function grantEarned(command: RecordCompletion, state: Enrolled): StaffTrainingEvent[] {
  for (const kind of kindsEarnedBy(command.module.topic)) {
    const topics: readonly ModuleTopic[] = CERTIFICATION_SOURCES[kind].topics;
    const passes = topics.flatMap((topic) => state.passes[topic] ?? []);
    if (passes.length < topics.length) continue;
    const oldest = Math.min(...passes.map((p) => ms(p.completedAt)));
    const expiresAt = iso(oldest + renewalDaysFor(state.role, kind) * DAY_MS);
    if (ms(expiresAt) <= ms(command.at)) continue;
    return [
      {
        type: E.granted,
        data: {
          staffId: state.staffId,
          certificationId: command.certificationId,
          kind,
          grantedAt: command.completedAt,
          expiresAt,
          basedOnModuleIds: passes.map((p) => p.moduleId),
        },
      },
    ];
  }
  return [];
}
