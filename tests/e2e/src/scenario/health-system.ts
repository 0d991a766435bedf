import { randomUUID } from 'node:crypto';

/** The people and places of the scenario's small health system; ids only, no PHI. */
export interface HealthSystem {
  readonly clinics: readonly string[];
  readonly providers: readonly { readonly id: string; readonly clinicId: string }[];
  readonly coordinator: string;
  readonly trainer: string;
  readonly auditor: string;
  readonly analyst: string;
  readonly patients: readonly string[];
}

export function healthSystem(size: { providers: number; patients: number }): HealthSystem {
  const clinics = [randomUUID(), randomUUID(), randomUUID()];
  return {
    clinics,
    providers: Array.from({ length: size.providers }, (_, i) => ({
      id: randomUUID(),
      clinicId: clinics[i % clinics.length]!,
    })),
    coordinator: randomUUID(),
    trainer: randomUUID(),
    auditor: randomUUID(),
    analyst: randomUUID(),
    patients: Array.from({ length: size.patients }, () => randomUUID()),
  };
}
