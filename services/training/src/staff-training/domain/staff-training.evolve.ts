import type { ModuleTopic } from '../../requirements/role-requirements';
import {
  AssignmentOverdue,
  CertificationGranted,
  CertificationRecorded,
  CredentialExpiryWarning,
  ModuleAssigned,
  ModuleCompleted,
  STAFF_EVENT as E,
  StaffCredentialed,
  StaffEnrolled,
  StaffTrainingEvent,
} from './staff-training.events';
import type { Certification, Enrolled, StaffTrainingState } from './staff-training.state';

type Evolve<Event extends StaffTrainingEvent> = (state: Enrolled, event: Event) => Enrolled;
type EvolveByType = {
  readonly [T in Exclude<StaffTrainingEvent['type'], typeof E.enrolled>]: Evolve<
    Extract<StaffTrainingEvent, { type: T }>
  >;
};

function enrolled({ data }: StaffEnrolled): Enrolled {
  return {
    status: 'enrolled',
    staffId: data.staffId,
    role: data.role,
    teamId: data.teamId,
    assignments: [],
    attemptsSincePass: {},
    passes: {},
    certifications: [],
    credential: { status: 'none' },
  };
}

function updateCertification(
  state: Enrolled,
  certificationId: string,
  change: Partial<Certification>,
): Enrolled {
  return {
    ...state,
    certifications: state.certifications.map((c) =>
      c.certificationId === certificationId ? { ...c, ...change } : c,
    ),
  };
}

function assigned(state: Enrolled, { data }: ModuleAssigned): Enrolled {
  const { assignmentId, moduleId, moduleCode, moduleVersion, reason, dueAt } = data;
  const assignment = { assignmentId, moduleId, moduleCode, moduleVersion, reason, dueAt };
  return {
    ...state,
    assignments: [...state.assignments, { ...assignment, status: 'open', overdue: false }],
    // A new assignment gives a fresh set of attempts.
    attemptsSincePass: { ...state.attemptsSincePass, [moduleId]: 0 },
  };
}

function failed(state: Enrolled, moduleId: string): Enrolled {
  const attempts = (state.attemptsSincePass[moduleId] ?? 0) + 1;
  return { ...state, attemptsSincePass: { ...state.attemptsSincePass, [moduleId]: attempts } };
}

function completed(state: Enrolled, { data: d }: ModuleCompleted): Enrolled {
  if (!d.passed) return failed(state, d.moduleId);
  const topic: ModuleTopic | undefined = d.moduleTopic;
  const pass = {
    moduleId: d.moduleId,
    moduleCode: d.moduleCode,
    ...(d.moduleVersion ? { moduleVersion: d.moduleVersion } : {}),
    completedAt: d.completedAt,
  };
  return {
    ...state,
    attemptsSincePass: { ...state.attemptsSincePass, [d.moduleId]: 0 },
    passes: topic ? { ...state.passes, [topic]: pass } : state.passes,
    assignments: state.assignments.map((a) =>
      a.moduleId === d.moduleId && a.status === 'open' ? { ...a, status: 'completed' } : a,
    ),
  };
}

function overdue(state: Enrolled, { data }: AssignmentOverdue): Enrolled {
  return {
    ...state,
    assignments: state.assignments.map((a) =>
      a.assignmentId === data.assignmentId ? { ...a, overdue: true } : a,
    ),
  };
}

function certified(state: Enrolled, event: CertificationGranted | CertificationRecorded): Enrolled {
  const certification: Certification = {
    certificationId: event.data.certificationId,
    kind: event.data.kind,
    source: event.type === E.granted ? 'completion' : 'external',
    ...(event.type === E.recorded ? { issuer: event.data.issuer } : {}),
    expiresAt: event.data.expiresAt,
    status: 'active',
    warnedLeadDays: [],
  };
  return { ...state, certifications: [...state.certifications, certification] };
}

function warned(state: Enrolled, { data }: CredentialExpiryWarning): Enrolled {
  const certification = state.certifications.find(
    (c) => c.certificationId === data.certificationId,
  );
  const lead = data.leadDays ?? data.daysRemaining;
  return updateCertification(state, data.certificationId, {
    warnedLeadDays: [...(certification?.warnedLeadDays ?? []), lead],
  });
}

function credentialed(state: Enrolled, { data }: StaffCredentialed): Enrolled {
  const { validUntil, certificationIds } = data;
  return { ...state, credential: { status: 'current', validUntil, certificationIds } };
}

/** How each event after the enrolment changes an enrolled record. */
const evolveEnrolled: EvolveByType = {
  [E.assigned]: assigned,
  [E.completed]: completed,
  [E.overdue]: overdue,
  [E.granted]: certified,
  [E.recorded]: certified,
  [E.revoked]: (state, { data }) =>
    updateCertification(state, data.certificationId, { status: 'revoked' }),
  [E.expired]: (state, { data }) =>
    updateCertification(state, data.certificationId, { status: 'expired' }),
  [E.warning]: warned,
  [E.credentialed]: credentialed,
  [E.lapsed]: (state) => ({ ...state, credential: { status: 'lapsed' } }),
};

/** Folds one event into a staff member's training record. */
export function evolveStaffTraining(
  state: StaffTrainingState,
  event: StaffTrainingEvent,
): StaffTrainingState {
  if (event.type === E.enrolled) return enrolled(event);
  if (state.status !== 'enrolled') return state;
  return (evolveEnrolled[event.type] as Evolve<StaffTrainingEvent>)(state, event);
}
