import { ForbiddenException, Injectable } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import { validateEvent } from '@thc/contracts';
import { InvalidInputException } from '@thc/service-runtime';
import { assertMayRecordIn, assertMayRecordOrganization } from '../directory-access';
import { clinicDecider } from '../domain/clinic.decider';
import type { KnownClinic } from '../domain/directory.commands';
import { InvalidDirectoryRecord, RecordViolation } from '../domain/directory.errors';
import type { ClinicRecord, OrganizationRecord, StaffRecord } from '../domain/directory-records';
import { organizationDecider } from '../domain/organization.decider';
import { staffMemberDecider } from '../domain/staff-member.decider';
import type { RecordState } from '../domain/whole-record.decider';
import { DirectoryStore } from '../infrastructure/directory.projection';
import type { RecordView } from '../infrastructure/record-views';
import { OrganizationReach, ReachCheck } from '../organization-reach';
import { DirectoryRecorder } from '../directory.recorder';
import { recordingContextOf, toHttpError } from '../recording-context';
import { FromEntry, readDirectoryBundle } from './read-directory-bundle';

export interface ImportedEntry {
  readonly entry: number;
  /** `Location/<id>`, or `Practitioner/<id>` for a staff member and their roles. */
  readonly reference: string;
  readonly outcome: 'recorded' | 'unchanged';
}

export interface ImportAnswer {
  readonly recorded: number;
  readonly unchanged: number;
  readonly entries: readonly ImportedEntry[];
}

interface Plan {
  readonly organizations: readonly FromEntry<OrganizationRecord>[];
  readonly clinics: readonly FromEntry<ClinicRecord>[];
  readonly staff: readonly FromEntry<StaffRecord>[];
}

const stateOf = <R>(view: RecordView<R> | undefined): RecordState<R> =>
  view ? { status: 'recorded', record: view.record } : { status: 'unrecorded' };

/**
 * Records the directory from a FHIR Bundle, all or nothing as far as checks go: the bundle is
 * read, resolved against the directory, authorized and decided (dry run, on the records'
 * views) before the first record is stored. What fails names its entry and field.
 */
@Injectable()
export class ImportDirectoryHandler {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly recorder: DirectoryRecorder,
    private readonly reach: OrganizationReach,
  ) {}

  async execute(body: unknown, principal: Principal): Promise<ImportAnswer> {
    const bundle = readDirectoryBundle(body);
    refuseIf(bundle.violations);
    const staffIds = bundle.staff.map(({ record }) => record.staffId);
    const clinicIds = [
      ...bundle.clinics.map(({ record }) => record.clinicId),
      ...bundle.staff.flatMap(({ record }) => record.clinicIds),
    ];
    const [clinicViews, staffViews] = await Promise.all([
      this.directory.clinics.views.findMany(unique(clinicIds)),
      this.directory.staff.views.findMany(staffIds),
    ]);
    const clinicOf = new Map<string, KnownClinic>([
      ...clinicViews.map((view) => [view._id, view.record] as const),
      ...bundle.clinics.map(({ record }) => [record.clinicId, record] as const),
    ]);
    const violations: RecordViolation[] = [];
    const staff = bundle.staff.flatMap(({ entry, record }) => {
      const organizationId =
        record.organizationId ?? clinicOf.get(record.clinicIds[0] ?? '')?.organizationId;
      if (organizationId) return [{ entry, record: { ...record, organizationId } }];
      violations.push({
        field: `entry[${entry}].resource`,
        reason: 'no organization: name it on a PractitionerRole, or a clinic the directory lists',
      });
      return [];
    });
    refuseIf(violations);
    const organizationIds = unique([
      ...bundle.organizations.flatMap(({ record }) =>
        [record.organizationId, record.partOf ?? []].flat(),
      ),
      ...bundle.clinics.map(({ record }) => record.organizationId),
      ...staff.map(({ record }) => record.organizationId),
    ]);
    const organizationViews = await this.directory.organizations.views.findMany(organizationIds);
    const plan = {
      organizations: parentsFirst(bundle.organizations),
      clinics: bundle.clinics,
      staff,
    };
    const pending = new Map(
      plan.organizations.map(({ record }) => [record.organizationId, record]),
    );
    await authorize(
      plan,
      principal,
      this.reach.of(principal, pending),
      new Map(staffViews.map((view) => [view._id, view.record])),
    );
    const known = new Set([
      ...organizationViews.map((view) => view._id),
      ...plan.organizations.map(({ record }) => record.organizationId),
    ]);
    refuseIf(
      dryRun(plan, {
        known,
        clinicOf,
        organizations: new Map(organizationViews.map((view) => [view._id, view])),
        clinics: new Map(clinicViews.map((view) => [view._id, view])),
        staff: new Map(staffViews.map((view) => [view._id, view])),
      }),
    );
    return this.record(plan, principal);
  }

  private async record(plan: Plan, principal: Principal): Promise<ImportAnswer> {
    const context = recordingContextOf(principal);
    const entries: ImportedEntry[] = [];
    const note = (entry: number, reference: string, changed: boolean) =>
      entries.push({ entry, reference, outcome: changed ? 'recorded' : 'unchanged' });
    try {
      for (const { entry, record } of plan.organizations)
        note(
          entry,
          `Organization/${record.organizationId}`,
          (await this.recorder.recordOrganization(record, context)).changed,
        );
      for (const { entry, record } of plan.clinics)
        note(
          entry,
          `Location/${record.clinicId}`,
          (await this.recorder.recordClinic(record, context)).changed,
        );
      for (const { entry, record } of plan.staff)
        note(
          entry,
          `Practitioner/${record.staffId}`,
          (await this.recorder.recordStaffMember(record, context)).changed,
        );
    } catch (error) {
      // Checked before the first record: only a concurrent change of the directory gets here.
      throw toHttpError(error);
    }
    const recorded = entries.filter((entry) => entry.outcome === 'recorded').length;
    return { recorded, unchanged: entries.length - recorded, entries };
  }
}

function refuseIf(violations: readonly RecordViolation[]): void {
  if (violations.length > 0)
    throw new InvalidInputException(
      violations.map(({ field, reason }) => ({ name: field, reason })),
    );
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Members after the system they are part of, so each `partOf` is listed when it is decided. */
function parentsFirst(
  organizations: readonly FromEntry<OrganizationRecord>[],
): FromEntry<OrganizationRecord>[] {
  const byId = new Map(organizations.map((item) => [item.record.organizationId, item]));
  const depth = (id: string, seen: ReadonlySet<string> = new Set()): number => {
    const parent = byId.get(id)?.record.partOf;
    return parent && byId.has(parent) && !seen.has(parent)
      ? 1 + depth(parent, new Set([...seen, id]))
      : 0;
  };
  return [...organizations].sort(
    (a, b) => depth(a.record.organizationId) - depth(b.record.organizationId),
  );
}

async function authorize(
  plan: Plan,
  principal: Principal,
  reaches: ReachCheck,
  before: ReadonlyMap<string, StaffRecord>,
): Promise<void> {
  const check = (entry: number, assert: () => void) => {
    try {
      assert();
    } catch (error) {
      if (error instanceof ForbiddenException)
        throw new ForbiddenException(`entry[${entry}]: ${error.message}`);
      throw error;
    }
  };
  for (const { entry, record } of plan.organizations) {
    const reached = await reaches(record.organizationId);
    check(entry, () => assertMayRecordOrganization(principal, record.organizationId, reached));
  }
  for (const { entry, record } of plan.clinics) {
    const reached = await reaches(record.organizationId);
    check(entry, () =>
      assertMayRecordIn(principal, record.organizationId, reached, [record.clinicId]),
    );
  }
  for (const { entry, record } of plan.staff) {
    const previous = before.get(record.staffId);
    const reached = await reaches(record.organizationId);
    check(entry, () =>
      assertMayRecordIn(principal, record.organizationId, reached, [
        ...record.clinicIds,
        ...(previous?.clinicIds ?? []),
      ]),
    );
    if (previous) {
      const reachedBefore = await reaches(previous.organizationId);
      check(entry, () => assertMayRecordIn(principal, previous.organizationId, reachedBefore, []));
    }
  }
}

interface Resolved {
  /** Organizations listed in the directory or recorded earlier in this import. */
  readonly known: ReadonlySet<string>;
  readonly clinicOf: ReadonlyMap<string, KnownClinic>;
  readonly organizations: ReadonlyMap<string, RecordView<OrganizationRecord>>;
  readonly clinics: ReadonlyMap<string, RecordView<ClinicRecord>>;
  readonly staff: ReadonlyMap<string, RecordView<StaffRecord>>;
}

/** Each record decided as it will be, without storing it: what the deciders refuse, by entry. */
function dryRun(plan: Plan, resolved: Resolved): RecordViolation[] {
  const issued = {
    issuedAt: new Date(0).toISOString(),
    issuedBy: { kind: 'user', userId: '00000000-0000-4000-8000-000000000000', role: 'admin' },
  } as const;
  const organization = (id: string | undefined) =>
    id !== undefined && resolved.known.has(id) ? { organizationId: id } : undefined;
  const violations: RecordViolation[] = [];
  type Decided = { type: string; data: object };
  const attempt = (entry: number, decide: () => Decided | readonly Decided[]) => {
    try {
      const decided = decide();
      // The contract too: a record the schema refuses would stop the import half way.
      for (const event of Array.isArray(decided) ? decided : [decided as Decided]) {
        const reason = validateEvent(event.type, event.data);
        if (reason) violations.push({ field: `entry[${entry}].resource`, reason });
      }
    } catch (error) {
      if (!(error instanceof InvalidDirectoryRecord)) throw error;
      for (const { field, reason } of error.violations)
        violations.push({ field: `entry[${entry}].resource`, reason: `${field}: ${reason}` });
    }
  };
  for (const { entry, record } of plan.organizations) {
    const parent = organization(record.partOf);
    attempt(entry, () =>
      organizationDecider.decide(
        { type: 'RecordOrganization', record, ...(parent ? { parent } : {}), ...issued },
        stateOf(resolved.organizations.get(record.organizationId)),
      ),
    );
  }
  for (const { entry, record } of plan.clinics) {
    const known = organization(record.organizationId);
    attempt(entry, () =>
      clinicDecider.decide(
        { type: 'RecordClinic', record, ...(known ? { organization: known } : {}), ...issued },
        stateOf(resolved.clinics.get(record.clinicId)),
      ),
    );
  }
  for (const { entry, record } of plan.staff) {
    const known = organization(record.organizationId);
    const clinics = record.clinicIds.flatMap((clinicId) => {
      const clinic = resolved.clinicOf.get(clinicId);
      return clinic ? [{ clinicId, organizationId: clinic.organizationId }] : [];
    });
    attempt(entry, () =>
      staffMemberDecider.decide(
        {
          type: 'RecordStaffMember',
          record,
          ...(known ? { organization: known } : {}),
          clinics,
          ...issued,
        },
        stateOf(resolved.staff.get(record.staffId)),
      ),
    );
  }
  return violations;
}
