import type { Schedule, Slot } from '@medplum/fhirtypes';
import { Inject, Injectable } from '@nestjs/common';
import { DIRECTORY_READER, DirectoryReader } from '../../directory/directory.port';
import { AvailabilityService } from '../availability.port';
import { freeSlots } from '../domain/free-slots';
import {
  latestPeriod,
  type ProviderSchedule,
  VISIT_TYPES,
  type VisitType,
} from '../domain/schedule-rules';
import { addDays, wallClockInstant } from '../domain/wall-clock';
import type { Served } from './fhir-resources';
import { fhirSchedule } from './fhir-schedule.mapper';
import { busyFhirSlot, freeFhirSlot } from './fhir-slot.mapper';
import { Clock, CLOCK } from '@thc/service-runtime';

/**
 * FHIR read views of schedules and slots; undefined when the provider has no schedule. `admit`
 * sees the schedule before anything else is read, and may refuse the caller (by throwing).
 */
@Injectable()
export class FhirViewsHandler {
  constructor(
    private readonly availability: AvailabilityService,
    @Inject(CLOCK) private readonly now: Clock,
    @Inject(DIRECTORY_READER) private readonly directory: DirectoryReader,
  ) {}

  async schedule(
    providerId: string,
    admit: (schedule: ProviderSchedule) => void = () => undefined,
  ): Promise<Served<Schedule> | undefined> {
    const schedule = await this.availability.schedule(providerId);
    if (!schedule) return undefined;
    admit(schedule);
    const names = await this.directory.staffNames([providerId]);
    return fhirSchedule(schedule, this.now(), names.get(providerId));
  }

  /** Free and busy slots of one day on the provider's calendar, times with the provider's offset. */
  async slotsOn(
    providerId: string,
    date: string,
    visitType?: VisitType,
    admit: (schedule: ProviderSchedule) => void = () => undefined,
  ): Promise<Served<Slot>[] | undefined> {
    const schedule = await this.availability.schedule(providerId);
    const zone = schedule && latestPeriod(schedule)?.timeZone;
    if (!schedule || !zone) return undefined;
    admit(schedule);
    const from = new Date(wallClockInstant(date, '00:00', zone, 'first'));
    const to = new Date(wallClockInstant(addDays(date, 1), '00:00', zone, 'first'));
    const booked = await this.availability.bookedAround(providerId, from, to);
    const now = this.now();
    const free = (visitType ? [visitType] : VISIT_TYPES).flatMap((type) =>
      freeSlots(schedule, { from, to, visitType: type, booked, now }).map((slot) =>
        freeFhirSlot(providerId, slot, zone),
      ),
    );
    const busy = booked
      .filter((visit) => visit.start >= from && visit.start < to)
      .map((visit) => busyFhirSlot(providerId, visit, zone));
    return [...free, ...busy].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }
}
