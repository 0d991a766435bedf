import { randomUUID } from 'node:crypto';

/** A provider of one clinic, licensed in the clinic's state. */
export interface Provider {
  readonly id: string;
  readonly clinicId: string;
  /** Where the provider is licensed, and where their patients say they are. */
  readonly state: string;
}

/** The people and places of the scenario's small health system; ids only, no PHI. */
export interface HealthSystem {
  readonly organizationId: string;
  readonly admin: string;
  readonly clinics: readonly string[];
  /** Each clinic's state: two in New York, one in New Jersey. */
  readonly clinicStates: readonly string[];
  readonly providers: readonly Provider[];
  readonly coordinator: string;
  readonly trainer: string;
  readonly auditor: string;
  readonly analyst: string;
  readonly patients: readonly string[];
}

export function healthSystem(size: { providers: number; patients: number }): HealthSystem {
  const clinics = [randomUUID(), randomUUID(), randomUUID()];
  const clinicStates = ['NY', 'NY', 'NJ'];
  return {
    organizationId: randomUUID(),
    admin: randomUUID(),
    clinics,
    clinicStates,
    providers: Array.from({ length: size.providers }, (_, i) => ({
      id: randomUUID(),
      clinicId: clinics[i % clinics.length]!,
      state: clinicStates[i % clinics.length]!,
    })),
    coordinator: randomUUID(),
    trainer: randomUUID(),
    auditor: randomUUID(),
    analyst: randomUUID(),
    patients: Array.from({ length: size.patients }, () => randomUUID()),
  };
}
