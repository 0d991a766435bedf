import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { StaffCommandHandler } from '../staff-command.handler';
import { StaffStatusView } from '../staff-status.view';
import { RevokeCertificationDto } from './revoke-certification.dto';

/** Revokes an active certification; a credential resting on it lapses at once. */
@Injectable()
export class RevokeCertificationHandler {
  constructor(private readonly staff: StaffCommandHandler) {}

  execute(
    staffId: string,
    certificationId: string,
    dto: RevokeCertificationDto,
    principal: Principal,
  ): Promise<StaffStatusView> {
    return this.staff.execute(staffId, principal, ({ at, by }) => ({
      type: 'RevokeCertification',
      certificationId,
      reason: dto.reason,
      at,
      by,
    }));
  }
}
