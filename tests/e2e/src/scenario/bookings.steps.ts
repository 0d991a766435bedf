import { HealthSystem, Provider } from './health-system';
import { PlatformApi } from './platform-api';

const SLOT_MS = 30 * 60_000;

export interface BookedVisit {
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly clinicId: string;
  /** Where the patient said they would be, and confirms they are at the visit. */
  readonly patientState: string;
  readonly visitType: 'video' | 'audio';
  readonly start: Date;
}

/** The first open 30-minute boundary at least `leadMinutes` from now. */
export function firstSlotAfter(now: Date, leadMinutes: number): Date {
  const earliest = now.getTime() + leadMinutes * 60_000;
  return nthOpenSlot(new Date(Math.ceil(earliest / SLOT_MS) * SLOT_MS), 0);
}

export function book(
  api: PlatformApi,
  patientId: string,
  provider: Provider,
  start: Date,
  visitType: 'video' | 'audio' = 'video',
) {
  return api.call(
    'scheduling',
    'POST',
    '/api/v1/appointments',
    {
      role: 'patient',
      sub: patientId,
    },
    {
      patientId,
      providerId: provider.id,
      clinicId: provider.clinicId,
      // The patient is in the provider's state, where the provider is licensed.
      patientLocation: { state: provider.state },
      visitType,
      start: start.toISOString(),
      end: new Date(start.getTime() + SLOT_MS).toISOString(),
      timeZone: 'UTC',
      // Every patient asks for reminders, to a number reserved for fiction.
      reminderContact: { channel: 'sms', address: '+15555550100' },
    },
  );
}

/**
 * Several patients reach for the same slot at once, from separate connections: the platform
 * must give it to exactly one. Answers the statuses and the winner.
 */
export async function raceForOneSlot(
  api: PlatformApi,
  patients: readonly string[],
  provider: Provider,
  start: Date,
): Promise<{ statuses: number[]; winner?: BookedVisit }> {
  const responses = await Promise.all(
    patients.map((patientId) => book(api, patientId, provider, start)),
  );
  const won = responses.find((r) => r.status === 201);
  return {
    statuses: responses.map((r) => r.status),
    winner: won && {
      appointmentId: won.body.appointmentId,
      patientId: won.body.patientId,
      providerId: provider.id,
      clinicId: provider.clinicId,
      patientState: provider.state,
      visitType: 'video',
      start,
    },
  };
}

/**
 * The n-th slot from `from` within the scenario's hours (00:00-23:30 UTC every day): the
 * 23:30 slot is closed, so a day that runs past it skips one.
 */
export function nthOpenSlot(from: Date, n: number): Date {
  let start = from.getTime();
  for (let seen = 0; ; start += SLOT_MS) {
    if (new Date(start).toISOString().slice(11, 16) === '23:30') continue;
    if (seen++ === n) return new Date(start);
  }
}

/** One visit per patient, providers' consecutive slots from `from`, every fourth audio-only. */
export async function bookVisits(
  api: PlatformApi,
  system: HealthSystem,
  patients: readonly string[],
  from: Date,
  firstSlotIndex: number,
): Promise<BookedVisit[]> {
  const visits: BookedVisit[] = [];
  for (const [index, patientId] of patients.entries()) {
    const provider = system.providers[index % system.providers.length]!;
    const start = nthOpenSlot(from, firstSlotIndex + Math.floor(index / system.providers.length));
    const visitType = index % 4 === 3 ? 'audio' : 'video';
    const response = await book(api, patientId, provider, start, visitType);
    if (response.status !== 201)
      throw new Error(
        `booking for ${start.toISOString()} refused: ${response.status} ${JSON.stringify(response.body)}`,
      );
    visits.push({
      appointmentId: response.body.appointmentId,
      patientId,
      providerId: provider.id,
      clinicId: provider.clinicId,
      patientState: provider.state,
      visitType,
      start,
    });
  }
  return visits;
}
