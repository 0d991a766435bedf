/**
 * Where a sealed value belongs: the patient, the kind of record (`Appointment`, `Encounter`) and
 * the field in it (`reason`, `contact`, `comment`). All three are the associated data of the
 * AES-GCM seal, so a value copied into another patient's record or into another field of the
 * same record fails authentication instead of opening.
 */
export interface FieldBinding {
  readonly patientId: string;
  readonly record: string;
  readonly field: string;
}

/** Envelope version of values sealed with the full binding (patient, record, field). */
export const BOUND_ENVELOPE = 2;

/**
 * The associated data of a version-2 envelope. A JSON array, so no choice of values can make two
 * different bindings produce the same bytes (a plain separator could be smuggled into a value).
 */
export function associatedData(binding: FieldBinding): Buffer {
  return Buffer.from(
    JSON.stringify(['thc-phi', BOUND_ENVELOPE, binding.patientId, binding.record, binding.field]),
    'utf8',
  );
}

/** Envelopes without a version were sealed before records and fields were bound: patient only. */
export function legacyAssociatedData(binding: FieldBinding): Buffer {
  return Buffer.from(binding.patientId, 'utf8');
}
