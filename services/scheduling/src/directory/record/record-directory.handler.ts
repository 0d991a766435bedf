import { Injectable } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import { assertMayRecordIn, assertMayRecordOrganization } from '../directory-access';
import { withoutUndefined } from '../domain/directory-records';
import { DirectoryStore } from '../infrastructure/directory.projection';
import { OrganizationReach } from '../organization-reach';
import { DirectoryRecorder } from '../directory.recorder';
import type { RecordClinicDto } from './record-clinic.dto';
import type { RecordOrganizationDto } from './record-organization.dto';
import type { RecordStaffMemberDto } from './record-staff-member.dto';
import { recordingContextOf, toHttpError } from '../recording-context';

export interface RecordedAnswer {
  readonly id: string;
  /** Stream version after the PUT; unchanged when the record was. */
  readonly version: number;
  readonly changed: boolean;
}

/** PUT semantics for the three kinds of record: the body is the whole record. */
@Injectable()
export class RecordDirectoryHandler {
  constructor(
    private readonly recorder: DirectoryRecorder,
    private readonly directory: DirectoryStore,
    private readonly reach: OrganizationReach,
  ) {}

  async organization(
    organizationId: string,
    dto: RecordOrganizationDto,
    principal: Principal,
  ): Promise<RecordedAnswer> {
    const record = withoutUndefined({ organizationId, ...dto });
    const reaches = this.reach.of(principal, new Map([[organizationId, record]]));
    assertMayRecordOrganization(principal, organizationId, await reaches(organizationId));
    return answer(organizationId, () =>
      this.recorder.recordOrganization(record, recordingContextOf(principal)),
    );
  }

  async clinic(clinicId: string, dto: RecordClinicDto, principal: Principal) {
    const reaches = this.reach.of(principal);
    assertMayRecordIn(principal, dto.organizationId, await reaches(dto.organizationId), [clinicId]);
    const record = { clinicId, ...dto, address: { ...dto.address } };
    return answer(clinicId, () =>
      this.recorder.recordClinic(record, recordingContextOf(principal)),
    );
  }

  async staffMember(staffId: string, dto: RecordStaffMemberDto, principal: Principal) {
    // Taking someone out of a clinic changes that clinic too: the admin must cover both.
    const before = await this.directory.staff.find(staffId);
    const reaches = this.reach.of(principal);
    assertMayRecordIn(principal, dto.organizationId, await reaches(dto.organizationId), [
      ...dto.clinicIds,
      ...(before?.record.clinicIds ?? []),
    ]);
    if (before) {
      const { organizationId } = before.record;
      assertMayRecordIn(principal, organizationId, await reaches(organizationId), []);
    }
    const record = withoutUndefined({
      staffId,
      ...dto,
      name: withoutUndefined({ ...dto.name }),
      licences: dto.licences.map((licence) => ({ ...licence })),
    });
    return answer(staffId, () =>
      this.recorder.recordStaffMember(record, recordingContextOf(principal)),
    );
  }
}

async function answer(
  id: string,
  record: () => Promise<{ version: number; changed: boolean }>,
): Promise<RecordedAnswer> {
  try {
    const { version, changed } = await record();
    return { id, version, changed };
  } catch (error) {
    throw toHttpError(error);
  }
}
