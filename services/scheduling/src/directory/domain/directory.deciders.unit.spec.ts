import { deciderSpec } from '@thc/testing';
import { clinicDecider, CLINIC_RECORDED, ClinicRecorded } from './clinic.decider';
import type { RecordClinic, RecordOrganization, RecordStaffMember } from './directory.commands';
import { InvalidDirectoryRecord } from './directory.errors';
import type { ClinicRecord, StaffRecord } from './directory-records';
import {
  organizationDecider,
  ORGANIZATION_RECORDED,
  OrganizationRecorded,
} from './organization.decider';
import {
  staffMemberDecider,
  STAFF_MEMBER_RECORDED,
  StaffMemberRecorded,
} from './staff-member.decider';

const organizationId = '3f0c2b8e-5d41-4c7a-9a55-0b8e6f1d2c74';
const otherOrganizationId = '5a8b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const clinicId = '89f2a75d-3c2f-490f-b51a-1cf07dcb59a5';
const staffId = '0dc5ccc0-0dfe-4ac8-b891-9abfa6945463';
const issued = {
  issuedAt: '2026-03-01T09:00:00Z',
  issuedBy: { kind: 'user', userId: '6c1b9c1e-2f1d-4f8e-9d55-3a7f7e0e6b11', role: 'admin' },
} as const;
const recorded = { recordedAt: issued.issuedAt, recordedBy: issued.issuedBy };

const clinic: ClinicRecord = {
  clinicId,
  organizationId,
  name: 'Poughkeepsie',
  timeZone: 'America/New_York',
  address: { lines: ['45 Reade Place'], city: 'Poughkeepsie', state: 'NY', postalCode: '12601' },
  active: true,
};
const recordClinic = (record: ClinicRecord = clinic): RecordClinic => ({
  type: 'RecordClinic',
  record,
  organization: { organizationId },
  ...issued,
});

const staff: StaffRecord = {
  staffId,
  organizationId,
  name: { family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] },
  functions: ['provider', 'interpreter'],
  clinicIds: [clinicId],
  languages: ['ig', 'en'],
  licences: [{ state: 'NY', number: '298877', expiresOn: '2027-06-30' }],
  active: true,
};
const recordStaff = (record: StaffRecord = staff): RecordStaffMember => ({
  type: 'RecordStaffMember',
  record,
  organization: { organizationId },
  clinics: [{ clinicId, organizationId }],
  ...issued,
});
const staffRecorded = (record: StaffRecord): StaffMemberRecorded => ({
  type: STAFF_MEMBER_RECORDED,
  data: {
    ...record,
    functions: [...record.functions].sort(),
    languages: [...record.languages].sort(),
    ...recorded,
  },
});

describe('organization decider', () => {
  const given = deciderSpec(organizationDecider);
  const record = (partOf?: string): RecordOrganization => ({
    type: 'RecordOrganization',
    record: {
      organizationId,
      name: 'Hudson Valley Health',
      active: true,
      ...(partOf ? { partOf } : {}),
    },
    ...(partOf ? { parent: { organizationId: otherOrganizationId } } : {}),
    ...issued,
  });
  const event: OrganizationRecorded = {
    type: ORGANIZATION_RECORDED,
    data: { organizationId, name: 'Hudson Valley Health', active: true, ...recorded },
  };

  it('records a new organization', () => given([]).when(record()).then([event]));
  it('records nothing when the record is unchanged', () => given([event]).when(record()).then([]));
  it('refuses a parent the directory does not list', () =>
    given([])
      .when({ ...record(otherOrganizationId), parent: undefined })
      .then(InvalidDirectoryRecord));
  it('refuses to be its own parent', () =>
    given([]).when(record(organizationId)).then(InvalidDirectoryRecord));
});

describe('clinic decider', () => {
  const given = deciderSpec(clinicDecider);
  const event: ClinicRecorded = { type: CLINIC_RECORDED, data: { ...clinic, ...recorded } };

  it('records a clinic of a listed organization', () =>
    given([]).when(recordClinic()).then([event]));
  it('records nothing when the record is unchanged', () =>
    given([event]).when(recordClinic()).then([]));
  it('records a changed name', () =>
    given([event])
      .when(recordClinic({ ...clinic, name: 'Poughkeepsie Main' }))
      .then([
        {
          type: CLINIC_RECORDED,
          data: { ...clinic, name: 'Poughkeepsie Main', ...recorded },
        } as ClinicRecorded,
      ]));
  it('refuses a clinic of an organization that does not exist', () =>
    given([])
      .when({ ...recordClinic(), organization: undefined })
      .then(InvalidDirectoryRecord));
  it('refuses to move a clinic to another organization', () =>
    given([event])
      .when({
        ...recordClinic({ ...clinic, organizationId: otherOrganizationId }),
        organization: { organizationId: otherOrganizationId },
      })
      .then(InvalidDirectoryRecord));
  it('refuses an unknown time zone', () =>
    given([])
      .when(recordClinic({ ...clinic, timeZone: 'Mars/Olympus' }))
      .then(InvalidDirectoryRecord));
});

describe('staff member decider', () => {
  const given = deciderSpec(staffMemberDecider);

  it('records a staff member, lists sorted', () =>
    given([])
      .when(recordStaff())
      .then([staffRecorded(staff)]));
  it('records nothing for the same facts in another order', () =>
    given([staffRecorded(staff)])
      .when(
        recordStaff({ ...staff, languages: ['en', 'ig'], functions: ['interpreter', 'provider'] }),
      )
      .then([]));
  it('refuses a clinic the directory does not list, naming it', () => {
    const unknown = '11111111-2222-4333-8444-555555555555';
    expect(() =>
      staffMemberDecider.decide(
        recordStaff({ ...staff, clinicIds: [clinicId, unknown] }),
        staffMemberDecider.initialState(),
      ),
    ).toThrow(`clinicIds[1] clinic ${unknown} is not in the directory`);
  });
  it("refuses a clinic of another organization than the staff member's", () =>
    given([])
      .when({ ...recordStaff(), clinics: [{ clinicId, organizationId: otherOrganizationId }] })
      .then(InvalidDirectoryRecord));
  it('refuses an interpreter who speaks no language', () =>
    given([])
      .when(recordStaff({ ...staff, languages: [] }))
      .then(InvalidDirectoryRecord));
});
