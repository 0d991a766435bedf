import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MongoEventStore } from '@thc/event-store';
import { Connection } from 'mongoose';
import {
  CLINIC_RECORDED,
  clinicDecider,
  ClinicRecorded,
  clinicStream,
} from '../domain/clinic.decider';
import type {
  RecordClinic,
  RecordOrganization,
  RecordStaffMember,
} from '../domain/directory.commands';
import type { ClinicRecord, OrganizationRecord, StaffRecord } from '../domain/directory-records';
import {
  ORGANIZATION_RECORDED,
  organizationDecider,
  OrganizationRecorded,
  organizationStream,
} from '../domain/organization.decider';
import {
  STAFF_MEMBER_RECORDED,
  staffMemberDecider,
  StaffMemberRecorded,
  staffMemberStream,
} from '../domain/staff-member.decider';
import { directoryCodec } from './directory.codec';
import { MemberLists } from './member-lists';
import { RecordStreams } from './record-streams';
import { RecordViews } from './record-views';

/** The directory's collections; each read model is keyed by `_id`. */
export const DIRECTORY_COLLECTIONS = {
  organizations: 'directory_organizations',
  clinics: 'directory_clinics',
  staff: 'directory_staff',
  interpreterPools: 'directory_interpreter_pools',
  clinicStaff: 'directory_clinic_staff',
  organizationClinics: 'directory_organization_clinics',
} as const;

/** The directory's streams, their views and the lists that index them. */
@Injectable()
export class DirectoryStore {
  readonly organizations: RecordStreams<
    OrganizationRecord,
    RecordOrganization,
    OrganizationRecorded
  >;
  readonly clinics: RecordStreams<ClinicRecord, RecordClinic, ClinicRecorded>;
  readonly staff: RecordStreams<StaffRecord, RecordStaffMember, StaffMemberRecorded>;
  /** Language tag → the active interpreters who speak it. */
  readonly interpreterPools: MemberLists;
  /** Clinic → the staff who work in it, active or not. */
  readonly clinicStaff: MemberLists;
  /** Organization → its clinics. */
  readonly organizationClinics: MemberLists;

  constructor(store: MongoEventStore, @InjectConnection() connection: Connection) {
    const c = DIRECTORY_COLLECTIONS;
    this.organizations = new RecordStreams(
      store,
      organizationDecider,
      directoryCodec<OrganizationRecorded>(ORGANIZATION_RECORDED),
      new RecordViews<OrganizationRecord>(connection, c.organizations),
      organizationStream,
    );
    this.clinics = new RecordStreams(
      store,
      clinicDecider,
      directoryCodec<ClinicRecorded>(CLINIC_RECORDED),
      new RecordViews<ClinicRecord>(connection, c.clinics),
      clinicStream,
    );
    this.staff = new RecordStreams(
      store,
      staffMemberDecider,
      directoryCodec<StaffMemberRecorded>(STAFF_MEMBER_RECORDED),
      new RecordViews<StaffRecord>(connection, c.staff),
      staffMemberStream,
    );
    this.interpreterPools = new MemberLists(connection, c.interpreterPools);
    this.clinicStaff = new MemberLists(connection, c.clinicStaff);
    this.organizationClinics = new MemberLists(connection, c.organizationClinics);
  }
}
