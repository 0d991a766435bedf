import { Inject, Injectable } from '@nestjs/common';
import { labelOf, DirectoryLabel } from './domain/directory-label';
import { DirectoryNamesCollections } from './directory-names.collections';

/** Names and rosters by id, each read one command by `_id`. */
@Injectable()
export class DirectoryNamesReader {
  constructor(
    @Inject(DirectoryNamesCollections) private readonly store: DirectoryNamesCollections,
  ) {}

  /** Each clinic's label and roster (staff the directory lists in it). */
  async clinics(
    ids: readonly string[],
  ): Promise<Map<string, DirectoryLabel & { staffIds: readonly string[] }>> {
    const found = ids.length
      ? await this.store.clinics.find({ _id: { $in: [...ids] } }).toArray()
      : [];
    const byId = new Map(found.map((doc) => [doc._id, doc]));
    return new Map(
      ids.map((id) => [
        id,
        { ...labelOf('Clinic', id, byId.get(id)?.name), staffIds: byId.get(id)?.staffIds ?? [] },
      ]),
    );
  }

  /** Each provider's label. */
  async providers(ids: readonly string[]): Promise<Map<string, DirectoryLabel>> {
    const found = ids.length
      ? await this.store.staff.find({ _id: { $in: [...ids] } }).toArray()
      : [];
    const byId = new Map(found.map((doc) => [doc._id, doc.name]));
    return new Map(ids.map((id) => [id, labelOf('Provider', id, byId.get(id))]));
  }
}
