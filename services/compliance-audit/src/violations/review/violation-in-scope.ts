import { NotFoundException } from '@nestjs/common';
import { clinicFilterOf, coversAnyClinic, Principal } from '@thc/auth';
import { ViolationAlerts } from '../violation-alerts.projection';

/**
 * A violation of a clinic the reviewer does not cover does not exist for them (404, as an
 * unknown id): its id would tell them another clinic's patient was involved.
 */
export async function ensureViolationInScope(
  alerts: ViolationAlerts,
  principal: Principal,
  violationId: string,
): Promise<void> {
  if (clinicFilterOf(principal) === undefined) return;
  const clinics = await alerts.clinicsOf(violationId);
  if (!clinics || !coversAnyClinic(principal, clinics))
    throw new NotFoundException('no violation with this id');
}
