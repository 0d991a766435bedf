import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { StaffCommandHandler } from '../staff-command.handler';
import { StaffStatusView } from '../staff-status.view';
import { RecordCertificationDto } from './record-certification.dto';

/** A certification earned elsewhere, recorded with its issuer, dates and evidence. */
@Injectable()
export class RecordCertificationHandler {
  constructor(private readonly staff: StaffCommandHandler) {}

  execute(
    staffId: string,
    dto: RecordCertificationDto,
    principal: Principal,
  ): Promise<StaffStatusView> {
    return this.staff.execute(staffId, principal, ({ at, by, newId }) => ({
      type: 'RecordExternalCertification',
      certificationId: newId(),
      kind: dto.kind,
      issuer: dto.issuer,
      issuedAt: new Date(dto.issuedAt).toISOString(),
      expiresAt: new Date(dto.expiresAt).toISOString(),
      evidenceRef: dto.evidenceRef,
      at,
      by,
    }));
  }
}
