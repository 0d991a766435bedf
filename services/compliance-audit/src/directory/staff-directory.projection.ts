import { staffDisplayName } from '@thc/contracts';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { EventDataOf } from '@thc/contracts';
import { Connection, mongo } from 'mongoose';
import { AuditedEvent } from '../audit-trail/domain/event-to-audit-record';

const STAFF_MEMBER_RECORDED = 'thc.scheduling.StaffMemberRecorded.v1';

type StaffMemberRecorded = EventDataOf<typeof STAFF_MEMBER_RECORDED>;

/** A staff member as the directory last recorded them. */
export interface DirectoryStaffMember {
  readonly staffId: string;
  readonly name: StaffMemberRecorded['name'];
  readonly functions: readonly string[];
  /** The clinics they work in or cover. */
  readonly clinicIds: readonly string[];
  readonly active: boolean;
  readonly recordedAt: string;
  /** The event that recorded this version. */
  readonly eventId: string;
}

type StaffDocument = Omit<DirectoryStaffMember, 'staffId'> & { _id: string };

/**
 * The staff directory as scheduling publishes it on `thc.scheduling.v1`: one document per staff
 * member keyed by staff id, the whole record, latest wins (a staff member's events share a key,
 * so they arrive in order, and a redelivery replays them in the same order). Reports and rules
 * ask it which clinics a staff member belongs to; a staff member it has never heard of belongs
 * to none, so only a caller who covers every clinic reaches them.
 */
@Injectable()
export class StaffDirectory {
  private readonly staff: mongo.Collection<StaffDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.staff = connection.collection<StaffDocument>('directory_staff');
  }

  /** Records the staff members the events state, in one ordered write; other events are skipped. */
  async learn(events: readonly AuditedEvent[]): Promise<void> {
    const writes = events
      .filter((event) => event.type === STAFF_MEMBER_RECORDED)
      .map((event): mongo.AnyBulkWriteOperation<StaffDocument> => {
        const data = event.data as StaffMemberRecorded;
        return {
          replaceOne: {
            filter: { _id: data.staffId },
            replacement: {
              name: data.name,
              functions: data.functions,
              clinicIds: data.clinicIds,
              active: data.active,
              recordedAt: new Date(data.recordedAt).toISOString(),
              eventId: event.id,
            },
            upsert: true,
          },
        };
      });
    // Ordered: two versions of one staff member in a batch are applied as they were recorded.
    if (writes.length > 0) await this.staff.bulkWrite(writes, { ordered: true });
  }

  /** The staff member, or undefined when the directory has not recorded them. */
  async member(staffId: string): Promise<DirectoryStaffMember | undefined> {
    const document = await this.staff.findOne({ _id: staffId });
    return document ? memberOf(document) : undefined;
  }

  /** The staff members of these ids the directory knows, in one query, by id. */
  async members(staffIds: readonly string[]): Promise<Map<string, DirectoryStaffMember>> {
    const wanted = [...new Set(staffIds)];
    if (wanted.length === 0) return new Map();
    const found = await this.staff.find({ _id: { $in: wanted } }).toArray();
    return new Map(found.map((document) => [document._id, memberOf(document)]));
  }

  /**
   * The names of these staff members as people read them, in one query: for reports and lists
   * that show who acted. A staff member the directory has not recorded has no entry (no name
   * rather than a made-up one).
   */
  async names(staffIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const members = await this.members(staffIds);
    return new Map(
      [...members].map(([staffId, member]) => [staffId, staffDisplayName(member.name)]),
    );
  }

  /** The clinics a staff member belongs to; none for a staff member the directory does not know. */
  async clinicsOf(staffId: string): Promise<readonly string[]> {
    return (await this.member(staffId))?.clinicIds ?? [];
  }
}

function memberOf({ _id, ...rest }: StaffDocument): DirectoryStaffMember {
  return { staffId: _id, ...rest };
}
