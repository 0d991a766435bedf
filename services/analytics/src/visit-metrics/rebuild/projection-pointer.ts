import type { mongo } from 'mongoose';

/** The pointer document: which version of a projection answers queries. */
export interface ProjectionPointer {
  readonly _id: string;
  readonly active: string;
  readonly previous?: string;
  readonly switchedAt?: Date;
}

export const POINTERS_COLLECTION = 'projection_pointers';
export const VISIT_METRICS = 'visit-metrics';

export function pointers(db: mongo.Db): mongo.Collection<ProjectionPointer> {
  return db.collection<ProjectionPointer>(POINTERS_COLLECTION);
}

/** The serving version; the first deployment points at its own version. */
export async function activeVersion(db: mongo.Db, firstVersion: string): Promise<string> {
  await pointers(db).updateOne(
    { _id: VISIT_METRICS },
    { $setOnInsert: { active: firstVersion } },
    { upsert: true },
  );
  const pointer = await pointers(db).findOne({ _id: VISIT_METRICS });
  return pointer?.active ?? firstVersion;
}

/**
 * Points queries at `to`, only if `from` still serves (one conditional single-document write:
 * every reader sees either the old version or the new one, never a mix).
 */
export async function switchVersion(
  db: mongo.Db,
  from: string,
  to: string,
  at: Date,
): Promise<boolean> {
  const result = await pointers(db).updateOne(
    { _id: VISIT_METRICS, active: from },
    { $set: { active: to, previous: from, switchedAt: at } },
  );
  return result.modifiedCount === 1;
}
