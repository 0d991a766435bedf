import type { RecordExternalCertification, RevokeCertification } from '../staff-training.commands';
import { TrainingRuleError, TrainingStateError } from '../staff-training.errors';
import { STAFF_EVENT as E, StaffTrainingEvent } from '../staff-training.events';
import type { Enrolled } from '../staff-training.state';

const ms = (instant: string): number => Date.parse(instant);

export function record(
  command: RecordExternalCertification,
  state: Enrolled,
): StaffTrainingEvent[] {
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

export function revoke(command: RevokeCertification, state: Enrolled): StaffTrainingEvent[] {
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
