import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';

type NoteDocument = {
  readonly _id: string;
  readonly violationId: string;
  readonly text: string;
  readonly sha256: string;
};

/**
 * Officers' notes on violations. Free text may name a patient, so it stays here and events carry
 * only the note's id and hash. A note is stored before the event that refers to it; one whose
 * event was never stored (a refused or interrupted request) is referred to by nothing.
 */
@Injectable()
export class ViolationNotes {
  private readonly notes: mongo.Collection<NoteDocument>;

  constructor(@InjectConnection() connection: Connection) {
    this.notes = connection.collection<NoteDocument>('violation_notes');
  }

  async save(note: NoteDocument): Promise<void> {
    await this.notes.insertOne(note);
  }

  /** Texts by note id; `_id` `$in` is an index lookup, also on FerretDB. */
  async texts(noteIds: readonly string[]): Promise<Map<string, string>> {
    if (noteIds.length === 0) return new Map();
    const found = await this.notes.find({ _id: { $in: [...noteIds] } }).toArray();
    return new Map(found.map((note) => [note._id, note.text]));
  }
}
