import type { Decider } from '@thc/event-store';
import {
  CERTIFICATION_SOURCES,
  kindsEarnedBy,
  ModuleTopic,
  renewalDaysFor,
} from '../../requirements/role-requirements';
import type {
  AssignModule,
  CheckExpiries,
  EnrolStaff,
  RecordCompletion,
  RecordExternalCertification,
  RevokeCertification,
  StaffTrainingCommand,
} from './staff-training.commands';
import { assessCredential, inForce } from './credential';
import { TrainingRuleError, TrainingStateError } from './staff-training.errors';
import { STAFF_EVENT as E, StaffTrainingEvent } from './staff-training.events';
import { evolveStaffTraining } from './staff-training.evolve';
import { Enrolled, initialStaffTrainingState, StaffTrainingState } from './staff-training.state';

const DAY_MS = 86_400_000;
const ms = (instant: string): number => Date.parse(instant);
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

function enrolledOrFail(state: StaffTrainingState): Enrolled {
  if (state.status !== 'enrolled')
    throw new TrainingStateError('the staff member is not enrolled in telehealth training');
  return state;
}

function enrol(command: EnrolStaff, state: StaffTrainingState): StaffTrainingEvent[] {
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

function assign(command: AssignModule, state: Enrolled): StaffTrainingEvent[] {
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

function complete(command: RecordCompletion, state: Enrolled): StaffTrainingEvent[] {
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
  return [completed, ...grantEarned(command, evolveEnrolled(state, completed))];
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

function record(command: RecordExternalCertification, state: Enrolled): StaffTrainingEvent[] {
  if (state.certifications.some((c) => c.certificationId === command.certificationId))
    throw new TrainingStateError('this certification is already recorded');
  if (ms(command.issuedAt) > ms(command.at))
    throw new TrainingRuleError('issuedAt must not be in the future');
  if (ms(command.expiresAt) <= ms(command.issuedAt))
    throw new TrainingRuleError('expiresAt must be after issuedAt');
  if (ms(command.expiresAt) <= ms(command.at))
    throw new TrainingRuleError('the certification has already expired');
  const { type: _, at, by, ...certification } = command;
  return [
    {
      type: E.recorded,
      data: { staffId: state.staffId, ...certification, recordedAt: at, recordedBy: by },
    },
  ];
}

function revoke(command: RevokeCertification, state: Enrolled): StaffTrainingEvent[] {
  const certification = state.certifications.find(
    (c) => c.certificationId === command.certificationId,
  );
  if (!certification) throw new TrainingStateError('no such certification for this staff member');
  if (certification.status !== 'active')
    throw new TrainingStateError(`the certification is already ${certification.status}`);
  return [
    {
      type: E.revoked,
      data: {
        staffId: state.staffId,
        certificationId: certification.certificationId,
        kind: certification.kind,
        reason: command.reason,
        revokedAt: command.at,
        revokedBy: command.by,
      },
    },
  ];
}

/** Warnings (the most urgent lead time reached, once each) and overdue assignments. */
function check(command: CheckExpiries, state: Enrolled): StaffTrainingEvent[] {
  const now = ms(command.at);
  const warnings = state.certifications.flatMap((c): StaffTrainingEvent[] => {
    // A certification renewed by a longer-lasting one of its kind needs no warning.
    if (c.status !== 'active' || inForce(state.certifications, c.kind, command.at) !== c) return [];
    const left = ms(c.expiresAt) - now;
    const due = command.warningLeadDays
      .filter((lead) => left <= lead * DAY_MS && !c.warnedLeadDays.some((w) => w <= lead))
      .sort((a, b) => a - b);
    const lead = due[0];
    if (lead === undefined) return [];
    return [
      {
        type: E.warning,
        data: {
          staffId: state.staffId,
          certificationId: c.certificationId,
          kind: c.kind,
          expiresAt: c.expiresAt,
          daysRemaining: Math.floor(left / DAY_MS),
          warnedAt: command.at,
          leadDays: lead,
        },
      },
    ];
  });
  const overdue = state.assignments
    .filter((a) => a.status === 'open' && !a.overdue && ms(a.dueAt) <= now)
    .map((a): StaffTrainingEvent => ({
      type: E.overdue,
      data: {
        staffId: state.staffId,
        assignmentId: a.assignmentId,
        moduleId: a.moduleId,
        moduleCode: a.moduleCode,
        dueAt: a.dueAt,
      },
    }));
  return [...warnings, ...overdue];
}

/** Certifications whose expiry has come: every command notes them before anything else. */
function expiries(state: Enrolled, at: string): StaffTrainingEvent[] {
  return state.certifications
    .filter((c) => c.status === 'active' && ms(c.expiresAt) <= ms(at))
    .map((c) => ({
      type: E.expired,
      data: {
        staffId: state.staffId,
        certificationId: c.certificationId,
        kind: c.kind,
        expiredAt: c.expiresAt,
      },
    }));
}

/**
 * StaffCredentialed when the credential becomes current or its validity changes;
 * StaffCredentialLapsed when a current one stops being current. Nothing otherwise: each
 * change is announced once, whichever command caused it.
 */
function reconcileCredential(state: Enrolled, at: string): StaffTrainingEvent[] {
  const assessment = assessCredential(state, at);
  const previous = state.credential;
  if (assessment.current) {
    const unchanged =
      previous.status === 'current' &&
      previous.validUntil === assessment.validUntil &&
      previous.certificationIds.join() === assessment.certificationIds.join();
    if (unchanged) return [];
    return [
      {
        type: E.credentialed,
        data: {
          staffId: state.staffId,
          role: state.role,
          credentialedAt: at,
          validUntil: assessment.validUntil,
          certificationIds: assessment.certificationIds,
        },
      },
    ];
  }
  if (previous.status !== 'current') return [];
  const { went } = assessment;
  // An expiry lapses the credential at the expiry itself, whenever it is noticed, so that
  // every instance that notices it decides the same event.
  const lapsedAt = assessment.cause === 'certification-expired' && went ? went.expiresAt : at;
  return [
    {
      type: E.lapsed,
      data: {
        staffId: state.staffId,
        role: state.role,
        lapsedAt,
        cause: assessment.cause,
        certificationKind: assessment.missing,
        ...(went ? { certificationId: went.certificationId } : {}),
      },
    },
  ];
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
