import { ForbiddenException } from '@nestjs/common';
import { decidePatientAccess } from '../patient-access.policy';
import { Principal } from '../principal';

/** Throws 403 with the policy's reason unless the caller may reach this patient's records. */
export function ensurePatientAccess(
  principal: Principal,
  patientId: string,
  careRelationship = false,
  patientClinicIds: readonly string[] = [],
): void {
  const decision = decidePatientAccess(principal, patientId, careRelationship, patientClinicIds);
  if (!decision.allowed) throw new ForbiddenException(decision.reason);
}
