import type { Schedule } from '@medplum/fhirtypes';
import type { ProviderSchedule } from '../domain/schedule-rules';
import { latestPeriod, VISIT_TYPES } from '../domain/schedule-rules';
import { plusLocalDays, renderIn } from '../domain/wall-clock';
import { type Served, visitTypeConcept } from './fhir-resources';

/**
 * The schedule as FHIR sees it: who (named as the directory names them, when it does), which
 * visit types, and how far ahead it can be booked.
 */
export function fhirSchedule(
  schedule: ProviderSchedule,
  now: Date,
  providerName?: string,
): Served<Schedule> | undefined {
  const period = latestPeriod(schedule);
  if (!period) return undefined;
  const zone = period.timeZone;
  const offered = VISIT_TYPES.filter((type) =>
    period.weeklyRules.some((rule) => rule.visitTypes.includes(type)),
  );
  return {
    resourceType: 'Schedule',
    id: schedule.providerId,
    active: true,
    actor: [
      {
        reference: `Practitioner/${schedule.providerId}`,
        ...(providerName ? { display: providerName } : {}),
      },
    ],
    serviceType: offered.map(visitTypeConcept),
    planningHorizon: {
      start: renderIn(now.getTime(), zone),
      end: renderIn(plusLocalDays(now.getTime(), period.bookingHorizonDays, zone), zone),
    },
    comment: `Telehealth hours in ${zone}`,
  };
}
