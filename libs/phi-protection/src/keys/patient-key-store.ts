import { randomBytes, randomUUID } from 'node:crypto';
import { Connection, Model, Schema } from 'mongoose';
import { KeyWrapper, WrappedKey } from './master-keyring';

/** One patient's data key. After erasure only the tombstone remains: when and by whom. */
interface PatientKeyDocument {
  _id: string;
  keyId: string;
  wrapped?: WrappedKey;
  createdAt: Date;
  erasedAt?: Date;
  erasedBy?: string;
}

const schema = new Schema<PatientKeyDocument>(
  {
    _id: { type: String, required: true },
    keyId: { type: String, required: true },
    wrapped: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    erasedAt: { type: Date },
    erasedBy: { type: String },
  },
  { versionKey: false },
);

/** The patient asked to be forgotten: no new PHI is sealed for them. */
export class PatientErasedError extends Error {
  override readonly name = 'PatientErasedError';
  constructor(readonly patientId: string) {
    super('this patient has been erased; their data can no longer be stored');
  }
}

export interface DataKey {
  readonly keyId: string;
  readonly key: Buffer;
}

const DUPLICATE_KEY = 11000;

/**
 * Per-patient data keys, wrapped by a master key, in one collection shared by every service
 * that seals or opens PHI. Erasing a key is crypto-shredding: every copy of that patient's
 * sealed fields, in any database or on any topic, becomes unreadable at once.
 */
export class PatientKeyStore {
  readonly model: Model<PatientKeyDocument>;

  constructor(
    connection: Connection,
    private readonly wrapper: KeyWrapper,
    collection = 'patient_keys',
  ) {
    this.model =
      (connection.models[collection] as Model<PatientKeyDocument> | undefined) ??
      connection.model<PatientKeyDocument>(collection, schema, collection);
  }

  /** The patient's data key, created on first use (concurrent first uses agree on one key). */
  async dataKeyFor(patientId: string): Promise<DataKey> {
    const existing = await this.model.findById(patientId).lean().exec();
    if (existing) return this.usable(existing);
    const key = randomBytes(32);
    const candidate: PatientKeyDocument = {
      _id: patientId,
      keyId: randomUUID(),
      wrapped: await this.wrapper.wrap(key),
      createdAt: new Date(),
    };
    try {
      await this.model.collection.insertOne(candidate as never);
      return { keyId: candidate.keyId, key };
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      const winner = await this.model.findById(patientId).lean().exec();
      if (!winner) throw error;
      return this.usable(winner);
    }
  }

  /** The key for a sealed field, or undefined when it was erased (or never existed). */
  async keyForField(patientId: string, keyId: string): Promise<Buffer | undefined> {
    const document = await this.model.findById(patientId).lean().exec();
    if (!document?.wrapped || document.keyId !== keyId) return undefined;
    return this.wrapper.unwrap(document.wrapped);
  }

  /** Whether the patient was erased: then no PHI of theirs may be kept, sealed or in clear. */
  async isErased(patientId: string): Promise<boolean> {
    const document = await this.model.findById(patientId, { erasedAt: 1 }).lean().exec();
    return document?.erasedAt !== undefined;
  }

  /** Destroys the patient's key; idempotent. Returns false if there was no key to destroy. */
  async erase(patientId: string, erasedBy: string): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: patientId, erasedAt: { $exists: false } },
      { $unset: { wrapped: 1 }, $set: { erasedAt: new Date(), erasedBy } },
    );
    if (result.matchedCount === 0) {
      // A patient with no PHI stored yet still gets a tombstone, so nothing is sealed later.
      await this.model
        .updateOne(
          { _id: patientId },
          {
            $setOnInsert: {
              keyId: randomUUID(),
              createdAt: new Date(),
              erasedAt: new Date(),
              erasedBy,
            },
          },
          { upsert: true },
        )
        .catch((error: { code?: number }) => {
          if (error.code !== DUPLICATE_KEY) throw error;
        });
      return false;
    }
    return true;
  }

  private async usable(document: PatientKeyDocument): Promise<DataKey> {
    if (!document.wrapped || document.erasedAt) throw new PatientErasedError(document._id);
    return { keyId: document.keyId, key: await this.wrapper.unwrap(document.wrapped) };
  }
}
