import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata } from '@thc/event-store';
import type { KnownClinic } from './domain/directory.commands';
import type {
  ClinicRecord,
  OrganizationRecord,
  RecordActor,
  StaffRecord,
} from './domain/directory-records';
import { DirectoryStore } from './infrastructure/directory.projection';
import type { RecordResult } from './infrastructure/record-streams';
import { Clock, CLOCK } from '@thc/service-runtime';

/** Who records and under which request: the actor in the events, the metadata of the append. */
export interface RecordingContext {
  readonly actor: RecordActor;
  readonly metadata: EventMetadata;
}

/**
 * Records directory entries whole: looks up what the deciders check against (the organization
 * of a clinic, the clinics of a staff member), appends, and states again the lists the record
 * belongs to. Authorization is the caller's (the API, the import).
 */
@Injectable()
export class DirectoryRecorder {
  constructor(
    private readonly directory: DirectoryStore,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  async recordOrganization(
    record: OrganizationRecord,
    context: RecordingContext,
  ): Promise<RecordResult<OrganizationRecord>> {
    const parent = record.partOf
      ? await this.directory.organizations.find(record.partOf)
      : undefined;
    return this.directory.organizations.handle(
      record.organizationId,
      {
        type: 'RecordOrganization',
        record,
        ...(parent ? { parent: { organizationId: parent._id } } : {}),
        ...this.issued(context),
      },
      context.metadata,
    );
  }

  async recordClinic(
    record: ClinicRecord,
    context: RecordingContext,
  ): Promise<RecordResult<ClinicRecord>> {
    const organization = await this.directory.organizations.find(record.organizationId);
    const result = await this.directory.clinics.handle(
      record.clinicId,
      {
        type: 'RecordClinic',
        record,
        ...(organization ? { organization: { organizationId: organization._id } } : {}),
        ...this.issued(context),
      },
      context.metadata,
    );
    if (result.changed || result.repaired)
      await this.directory.organizationClinics.place(
        record.clinicId,
        [record.organizationId],
        result.previous ? [result.previous.organizationId] : [],
      );
    return result;
  }

  async recordStaffMember(
    record: StaffRecord,
    context: RecordingContext,
  ): Promise<RecordResult<StaffRecord>> {
    const [organization, clinics] = await Promise.all([
      this.directory.organizations.find(record.organizationId),
      this.directory.clinics.views.findMany(record.clinicIds),
    ]);
    const known: KnownClinic[] = clinics.map(({ _id, record: clinic }) => ({
      clinicId: _id,
      organizationId: clinic.organizationId,
    }));
    const result = await this.directory.staff.handle(
      record.staffId,
      {
        type: 'RecordStaffMember',
        record,
        ...(organization ? { organization: { organizationId: organization._id } } : {}),
        clinics: known,
        ...this.issued(context),
      },
      context.metadata,
    );
    if (result.changed || result.repaired) {
      const previous = result.previous;
      await this.directory.clinicStaff.place(
        record.staffId,
        result.record.clinicIds,
        previous?.clinicIds ?? [],
      );
      await this.directory.interpreterPools.place(
        record.staffId,
        poolsOf(result.record),
        previous?.languages ?? [],
      );
    }
    return result;
  }

  private issued(context: RecordingContext) {
    return { issuedAt: this.now().toISOString(), issuedBy: context.actor };
  }
}

/** The languages a staff member is drawn for: those of an active interpreter, else none. */
function poolsOf(record: StaffRecord): readonly string[] {
  return record.active && record.functions.includes('interpreter') ? record.languages : [];
}
