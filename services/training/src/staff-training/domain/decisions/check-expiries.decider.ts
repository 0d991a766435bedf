import { inForce } from '../credential';
import type { CheckExpiries } from '../staff-training.commands';
import { STAFF_EVENT as E, StaffTrainingEvent } from '../staff-training.events';
import type { Enrolled } from '../staff-training.state';

const DAY_MS = 86_400_000;
const ms = (instant: string): number => Date.parse(instant);

/** Warnings (the most urgent lead time reached, once each) and overdue assignments. */
export function check(command: CheckExpiries, state: Enrolled): StaffTrainingEvent[] {
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
export function expiries(state: Enrolled, at: string): StaffTrainingEvent[] {
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
