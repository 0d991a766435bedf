import { assertValidEvent, EncryptedField } from '@thc/contracts';
import { EventImport, ImportedAppend } from '@thc/event-store';
import { DataKey, PatientKeyStore, sealField } from '@thc/phi-protection';
import { HISTORY_CONTEXTS, HistoryContext, PlannedAppend } from './history-agenda';
import { PendingSeal } from './history-world';

/** Seals free text under each patient's key, fetching (or creating) a key once per patient. */
export class HistorySealer {
  private readonly keys = new Map<string, Promise<DataKey>>();

  constructor(private readonly store: PatientKeyStore) {}

  /** Bound as the services bind it: the record of the event's context, the event's field. */
  async seal(pending: PendingSeal, eventType: string, field: string): Promise<EncryptedField> {
    let key = this.keys.get(pending.patientId);
    if (!key) {
      key = this.store.dataKeyFor(pending.patientId);
      this.keys.set(pending.patientId, key);
    }
    const { keyId, key: dataKey } = await key;
    const record = eventType.startsWith('thc.sessions.') ? 'Encounter' : 'Appointment';
    return sealField(pending.text, dataKey, keyId, { patientId: pending.patientId, record, field });
  }
}

/** An append and the version of its stream before it. */
export interface Placed {
  readonly append: PlannedAppend;
  readonly base: number;
}

export interface DayWritten {
  readonly inserted: number;
  readonly skipped: number;
}

/**
 * Turns a day's planned appends into the documents of each service's store: stream versions
 * continue where each stream stands (versions are counted for every day, written or not, so a
 * resumed run numbers them as the first run did), free text is sealed, every event is checked
 * against its contract as the services check it, and each store gets its appends in bulk.
 */
export class HistoryWriter {
  private readonly heads = new Map<string, number>();

  constructor(
    private readonly imports: Readonly<Record<HistoryContext, EventImport>>,
    private readonly sealer: HistorySealer | undefined,
  ) {}

  /** Places the day's appends in their streams; what is returned can then be written. */
  place(appends: readonly PlannedAppend[]): Map<HistoryContext, Placed[]> {
    const placed = new Map<HistoryContext, Placed[]>(
      HISTORY_CONTEXTS.map((context) => [context, []]),
    );
    for (const append of appends) {
      const key = `${append.context}\u0000${append.streamId}`;
      const base = this.heads.get(key) ?? 0;
      this.heads.set(key, base + append.events.length);
      placed.get(append.context)?.push({ append, base });
    }
    return placed;
  }

  async write(
    placed: ReadonlyMap<HistoryContext, readonly Placed[]>,
    contexts: readonly HistoryContext[],
  ): Promise<DayWritten> {
    const results = await Promise.all(
      contexts.map(async (context) => {
        const appends = await Promise.all(
          (placed.get(context) ?? []).map((entry) => this.imported(entry)),
        );
        return this.imports[context].write(appends);
      }),
    );
    return {
      inserted: results.reduce((sum, r) => sum + r.inserted, 0),
      skipped: results.reduce((sum, r) => sum + r.skipped, 0),
    };
  }

  private async imported({ append, base }: Placed): Promise<ImportedAppend> {
    const events = await Promise.all(
      append.events.map(async (event) => {
        const data = await this.sealed(event.type, event.data);
        assertValidEvent(event.type, data);
        return { id: event.id, type: event.type, data, metadata: event.metadata };
      }),
    );
    return { streamId: append.streamId, base, events, recordedAt: new Date(append.at) };
  }

  /** The event's data with its pending seals replaced by ciphertext (only top-level fields carry PHI). */
  private async sealed(type: string, data: unknown): Promise<unknown> {
    if (typeof data !== 'object' || data === null) return data;
    const entries = Object.entries(data);
    if (!entries.some(([, value]) => value instanceof PendingSeal)) return data;
    const sealed = await Promise.all(
      entries.map(async ([key, value]) => {
        if (!(value instanceof PendingSeal)) return [key, value] as const;
        if (!this.sealer) throw new Error('free text to seal, but no PHI keys');
        return [key, await this.sealer.seal(value, type, key)] as const;
      }),
    );
    return Object.fromEntries(sealed);
  }
}
