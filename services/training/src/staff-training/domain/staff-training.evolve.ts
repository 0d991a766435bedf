import type { ModuleTopic } from '../../requirements/role-requirements';
import { STAFF_EVENT as E, StaffTrainingEvent } from './staff-training.events';
import type { Certification, Enrolled, StaffTrainingState } from './staff-training.state';

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

/** Folds one event into a staff member's training record. */
export function evolveStaffTraining(
  state: StaffTrainingState,
  event: StaffTrainingEvent,
): StaffTrainingState {
  if (event.type === E.enrolled) {
    const { staffId, role, teamId } = event.data;
    return {
      status: 'enrolled',
      staffId,
      role,
      teamId,
      assignments: [],
      attemptsSincePass: {},
      passes: {},
      certifications: [],
      credential: { status: 'none' },
    };
  }
  if (state.status !== 'enrolled') return state;
  switch (event.type) {
    case E.assigned: {
      const { assignmentId, moduleId, moduleCode, moduleVersion, reason, dueAt } = event.data;
      return {
        ...state,
        assignments: [
          ...state.assignments,
          {
            assignmentId,
            moduleId,
            moduleCode,
            moduleVersion,
            reason,
            dueAt,
            status: 'open',
            overdue: false,
          },
        ],
        // A new assignment gives a fresh set of attempts.
        attemptsSincePass: { ...state.attemptsSincePass, [moduleId]: 0 },
      };
    }
    case E.completed: {
      const d = event.data;
      if (!d.passed)
        return {
          ...state,
          attemptsSincePass: {
            ...state.attemptsSincePass,
            [d.moduleId]: (state.attemptsSincePass[d.moduleId] ?? 0) + 1,
          },
        };
      const topic: ModuleTopic | undefined = d.moduleTopic;
      return {
        ...state,
        attemptsSincePass: { ...state.attemptsSincePass, [d.moduleId]: 0 },
        passes: topic
          ? {
              ...state.passes,
              [topic]: {
                moduleId: d.moduleId,
                moduleCode: d.moduleCode,
                ...(d.moduleVersion ? { moduleVersion: d.moduleVersion } : {}),
                completedAt: d.completedAt,
              },
            }
          : state.passes,
        assignments: state.assignments.map((a) =>
          a.moduleId === d.moduleId && a.status === 'open' ? { ...a, status: 'completed' } : a,
        ),
      };
    }
    case E.overdue:
      return {
        ...state,
        assignments: state.assignments.map((a) =>
          a.assignmentId === event.data.assignmentId ? { ...a, overdue: true } : a,
        ),
      };
    case E.granted:
    case E.recorded:
      return {
        ...state,
        certifications: [
          ...state.certifications,
          {
            certificationId: event.data.certificationId,
            kind: event.data.kind,
            source: event.type === E.granted ? 'completion' : 'external',
            ...(event.type === E.recorded ? { issuer: event.data.issuer } : {}),
            expiresAt: event.data.expiresAt,
            status: 'active',
            warnedLeadDays: [],
          },
        ],
      };
    case E.revoked:
      return updateCertification(state, event.data.certificationId, { status: 'revoked' });
    case E.expired:
      return updateCertification(state, event.data.certificationId, { status: 'expired' });
    case E.warning: {
      const certification = state.certifications.find(
        (c) => c.certificationId === event.data.certificationId,
      );
      const lead = event.data.leadDays ?? event.data.daysRemaining;
      return updateCertification(state, event.data.certificationId, {
        warnedLeadDays: [...(certification?.warnedLeadDays ?? []), lead],
      });
    }
    case E.credentialed:
      return {
        ...state,
        credential: {
          status: 'current',
          validUntil: event.data.validUntil,
          certificationIds: event.data.certificationIds,
        },
      };
    case E.lapsed:
      return { ...state, credential: { status: 'lapsed' } };
  }
}
