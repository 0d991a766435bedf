import type {
  CertificationKind,
  ModuleTopic,
  StaffRole,
} from '../../requirements/role-requirements';

export interface Assignment {
  readonly assignmentId: string;
  readonly moduleId: string;
  readonly moduleCode: string;
  readonly moduleVersion: number;
  readonly reason: string;
  readonly dueAt: string;
  readonly status: 'open' | 'completed';
  readonly overdue: boolean;
}

/** The latest passing completion of a module of one topic. */
export interface Pass {
  readonly moduleId: string;
  readonly moduleCode: string;
  readonly moduleVersion?: number;
  readonly completedAt: string;
}

export interface Certification {
  readonly certificationId: string;
  readonly kind: CertificationKind;
  readonly source: 'completion' | 'external';
  readonly issuer?: string;
  readonly expiresAt: string;
  readonly status: 'active' | 'revoked' | 'expired';
  /** Lead times (days) already warned about, so each warning is sent once. */
  readonly warnedLeadDays: readonly number[];
}

export type Credential =
  | { readonly status: 'none' }
  | {
      readonly status: 'current';
      readonly validUntil: string;
      readonly certificationIds: readonly string[];
    }
  | { readonly status: 'lapsed' };

export interface Enrolled {
  readonly status: 'enrolled';
  readonly staffId: string;
  readonly role: StaffRole;
  readonly teamId: string;
  readonly assignments: readonly Assignment[];
  /** Failed attempts since the last pass, per module. */
  readonly attemptsSincePass: Readonly<Record<string, number>>;
  readonly passes: Readonly<Partial<Record<ModuleTopic, Pass>>>;
  readonly certifications: readonly Certification[];
  readonly credential: Credential;
}

export type StaffTrainingState = { readonly status: 'none' } | Enrolled;

export const initialStaffTrainingState = (): StaffTrainingState => ({ status: 'none' });
