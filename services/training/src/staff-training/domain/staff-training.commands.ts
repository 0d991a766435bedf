import type { ModuleVersion } from '../../catalog/domain/module.state';
import type { CertificationKind, StaffRole } from '../../requirements/role-requirements';
import type { Actor, RevocationReason } from './staff-training.events';

/** Every command carries its time: the domain has no clock. */
interface Timed {
  readonly at: string;
}

/** A module to assign and the id its assignment gets (ids come from outside the domain). */
export interface ModuleToAssign {
  readonly module: ModuleVersion;
  readonly assignmentId: string;
}

/** Enrols a staff member in a role; the modules the role requires are assigned at once. */
export interface EnrolStaff extends Timed {
  readonly type: 'EnrolStaff';
  readonly staffId: string;
  readonly role: StaffRole;
  readonly teamId: string;
  readonly required: readonly ModuleToAssign[];
  readonly dueAt: string;
  readonly by: Actor;
}

/** Assigns a module by hand (a trainer), for retraining or renewal. */
export interface AssignModule extends Timed, ModuleToAssign {
  readonly type: 'AssignModule';
  readonly reason: 'role-requirement' | 'manual' | 'retraining' | 'renewal';
  readonly dueAt: string;
  readonly by: Actor;
}

/** Records one attempt at a module, scored against the version taken. */
export interface RecordCompletion extends Timed {
  readonly type: 'RecordCompletion';
  readonly module: ModuleVersion;
  readonly scorePercent: number;
  readonly completedAt: string;
  readonly evidenceRef?: string;
  /** The id a certification this pass completes would get. */
  readonly certificationId: string;
}

/** Records a certification earned elsewhere, with its issuer and expiry. */
export interface RecordExternalCertification extends Timed {
  readonly type: 'RecordExternalCertification';
  readonly certificationId: string;
  readonly kind: CertificationKind;
  readonly issuer: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly evidenceRef: string;
  readonly by: Actor;
}

export interface RevokeCertification extends Timed {
  readonly type: 'RevokeCertification';
  readonly certificationId: string;
  readonly reason: RevocationReason;
  readonly by: Actor;
}

/**
 * The clock's command: expiries, warnings at the configured lead times, overdue assignments.
 * Run by every instance at any time; what was already decided is not decided again.
 */
export interface CheckExpiries extends Timed {
  readonly type: 'CheckExpiries';
  readonly warningLeadDays: readonly number[];
}

export type StaffTrainingCommand =
  | EnrolStaff
  | AssignModule
  | RecordCompletion
  | RecordExternalCertification
  | RevokeCertification
  | CheckExpiries;
