import type { RecordOrganization } from './directory.commands';
import { OrganizationRecord, withoutUndefined } from './directory-records';
import { RecordedEvent, RecordState, wholeRecordDecider } from './whole-record.decider';

export const ORGANIZATION_RECORDED = 'thc.scheduling.OrganizationRecorded.v1';
export type OrganizationRecorded = RecordedEvent<typeof ORGANIZATION_RECORDED, OrganizationRecord>;
export type OrganizationState = RecordState<OrganizationRecord>;

export const organizationStream = (organizationId: string): string =>
  `organization-${organizationId}`;

/** An organization; a member of a health system names the organization it is part of. */
export const organizationDecider = wholeRecordDecider({
  eventType: ORGANIZATION_RECORDED,
  canonical: (record: OrganizationRecord) => withoutUndefined(record),
  violations: (command: RecordOrganization) => {
    const { organizationId, partOf } = command.record;
    if (partOf === undefined) return [];
    if (partOf === organizationId)
      return [{ field: 'partOf', reason: 'names the organization itself' }];
    return command.parent?.organizationId === partOf
      ? []
      : [{ field: 'partOf', reason: `organization ${partOf} is not in the directory` }];
  },
});
