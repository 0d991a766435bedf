import { staffDisplayName } from '@thc/contracts';
import type { ClinicRecordedV1, StaffMemberRecordedV1 } from '@thc/contracts';
import { ConsumedEvent, EventRoutes, routeEvent } from '@thc/messaging';
import type { mongo } from 'mongoose';
import type { ClinicNameDocument, DirectoryNamesCollections } from './directory-names.collections';

const DUPLICATE_KEY = 11000;

/**
 * Keeps the directory's clinic and staff names, and each clinic's roster, from the directory's
 * records. A record is whole and the latest wins: an older or redelivered one (same
 * `recordedAt`) changes nothing.
 */
export class DirectoryNamesProjection {
  constructor(private readonly store: DirectoryNamesCollections) {}

  private readonly routes: EventRoutes = {
    'thc.scheduling.ClinicRecorded.v1': (event) => this.clinic(event.data),
    'thc.scheduling.StaffMemberRecorded.v1': (event) => this.staffMember(event.data),
  };

  /** Applies a directory record; any other event is nothing to do here. */
  apply(event: ConsumedEvent): Promise<void> {
    return routeEvent(this.routes, event);
  }

  private async clinic(record: ClinicRecordedV1): Promise<void> {
    const recordedAt = new Date(record.recordedAt);
    // The roster may have created the document first, without a record.
    const filter: mongo.Filter<ClinicNameDocument> = {
      _id: record.clinicId,
      $or: [{ recordedAt: { $exists: false } }, { recordedAt: { $lt: recordedAt } }],
    };
    const update = { $set: { name: record.name, recordedAt } };
    try {
      await this.store.clinics.updateOne(filter, update, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Either the document holds this record or a newer one (stale: nothing to do), or a
      // roster created it meanwhile, and the record now finds it.
      await this.store.clinics.updateOne(filter, update);
    }
  }

  /**
   * The roster is moved before the staff document is written: until then a redelivery still
   * finds the clinics the member was listed in before, and moves them again to the same place.
   */
  private async staffMember(record: StaffMemberRecordedV1): Promise<void> {
    const recordedAt = new Date(record.recordedAt);
    const before = await this.store.staff.findOne({ _id: record.staffId });
    if (before && before.recordedAt >= recordedAt) return;
    // Someone who no longer works here is on no clinic's roster, but keeps their name.
    const clinicIds = record.active ? [...record.clinicIds] : [];
    const left = (before?.clinicIds ?? []).filter((id) => !clinicIds.includes(id));
    const roster: mongo.AnyBulkWriteOperation<{ _id: string; staffIds?: string[] }>[] = [
      ...clinicIds.map((id) => ({
        updateOne: {
          filter: { _id: id },
          update: { $addToSet: { staffIds: record.staffId } },
          upsert: true,
        },
      })),
      ...left.map((id) => ({
        updateOne: { filter: { _id: id }, update: { $pull: { staffIds: record.staffId } } },
      })),
    ];
    if (roster.length > 0) await this.store.clinics.bulkWrite(roster as never, { ordered: false });
    await this.store.staff.updateOne(
      { _id: record.staffId },
      { $set: { name: staffDisplayName(record.name), clinicIds, recordedAt } },
      { upsert: true },
    );
  }
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === DUPLICATE_KEY;
}
