import type { Bundle, Resource, Slot } from '@medplum/fhirtypes';
import type { BookedInterval } from '../domain/booked-interval';
import type { FreeSlot } from '../domain/free-slots';
import { renderIn } from '../domain/wall-clock';
import { type Served, visitTypeConcept } from './fhir-resources';

/** yyyymmddhhmm in UTC: keeps slot ids within FHIR's 64 characters of [A-Za-z0-9-.]. */
const compactUtc = (instant: Date) => instant.toISOString().slice(0, 16).replace(/[-:T]/g, '');

export function freeFhirSlot(providerId: string, slot: FreeSlot, zone: string): Served<Slot> {
  return {
    resourceType: 'Slot',
    id: `${providerId}-${slot.visitType}-${compactUtc(slot.start)}`,
    schedule: { reference: `Schedule/${providerId}` },
    status: 'free',
    start: renderIn(slot.start.getTime(), zone),
    end: renderIn(slot.end.getTime(), zone),
    serviceType: [visitTypeConcept(slot.visitType)],
  };
}

/** Booked time, without the appointment: the slot view discloses no patient. */
export function busyFhirSlot(
  providerId: string,
  booked: BookedInterval,
  zone: string,
): Served<Slot> {
  return {
    resourceType: 'Slot',
    id: `${providerId}-busy-${compactUtc(booked.start)}`,
    schedule: { reference: `Schedule/${providerId}` },
    status: 'busy',
    start: renderIn(booked.start.getTime(), zone),
    end: renderIn(booked.end.getTime(), zone),
  };
}

export function searchsetOf<R extends Resource>(
  resources: readonly Served<R>[],
  baseUrl: string,
  selfUrl: string,
): Bundle<R> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: resources.map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
