import type { Bundle, Schedule, Slot } from '@medplum/fhirtypes';
import { Controller, Header, NotFoundException, Param, Query, Req } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { fhirAnswer, invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { ensureScheduleReadable } from '../schedule-access';
import { FHIR_JSON } from './fhir-resources';
import { searchsetOf } from './fhir-slot.mapper';
import { FhirSlotQueryDto } from './fhir-slot-query.dto';
import { FhirViewsHandler } from './fhir-views.handler';

interface HttpRequest {
  protocol: string;
  originalUrl: string;
  get(name: string): string | undefined;
}

const baseUrlOf = (request: HttpRequest) =>
  `${request.protocol}://${request.get('host') ?? 'localhost'}/fhir`;

@ApiTags('fhir')
@Controller('fhir')
export class FhirViewsController {
  constructor(private readonly views: FhirViewsHandler) {}

  @Header('Content-Type', FHIR_JSON)
  @UseCaseRoute({
    method: 'GET',
    path: 'Schedule/:providerId',
    answer: fhirAnswer('Schedule'),
    summary: "Read a provider's schedule as a FHIR R4 Schedule",
    description:
      "The provider's telehealth availability as a FHIR R4 Schedule resource (`application/fhir+json`): the practitioner, the service types and the planning horizon, for EHR integrations. Coordinators and admins read only schedules in a clinic they cover.",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: "none: the provider's schedule",
    errors: {
      400: invalidInputDoc({ ids: ['providerId'], v4: true }),
      403: 'A coordinator or admin asks for a schedule in a clinic they do not cover.',
      404: 'The provider has no schedule.',
    },
    params: { providerId: uuidParam('providerId', 'The provider (the id of their Schedule)') },
  })
  @ApiProduces('application/fhir+json')
  async schedule(
    @Param('providerId', new ParseUuidParam({ version: 4 })) providerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Schedule> {
    const schedule = await this.views.schedule(providerId, (found) =>
      ensureScheduleReadable(principal, found),
    );
    if (!schedule) throw new NotFoundException(`Schedule/${providerId} does not exist`);
    return schedule;
  }

  @Header('Content-Type', FHIR_JSON)
  @UseCaseRoute({
    method: 'GET',
    path: 'Slot',
    answer: fhirAnswer('Bundle', 'FHIR R4 Bundle (searchset) of Slots'),
    summary: 'Search the FHIR R4 Slots of a schedule on a date',
    description:
      "A FHIR R4 searchset Bundle (`application/fhir+json`) of the free and busy Slots of one provider's schedule on one date of their calendar, optionally of one visit type. Coordinators and admins search only schedules in a clinic they cover.",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: 'none: free and busy times, without the appointments that fill them',
    errors: {
      400: invalidInputDoc({ query: true }),
      403: 'A coordinator or admin names a schedule in a clinic they do not cover.',
      404: 'The schedule named does not exist (the provider has no schedule).',
    },
  })
  @ApiProduces('application/fhir+json')
  async slots(
    @Query() query: FhirSlotQueryDto,
    @Req() request: HttpRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Bundle<Slot>> {
    const providerId = query.schedule.replace(/^Schedule\//, '');
    const slots = await this.views.slotsOn(
      providerId,
      query.start,
      query['service-type'],
      (found) => ensureScheduleReadable(principal, found),
    );
    if (!slots) throw new NotFoundException(`Schedule/${providerId} does not exist`);
    const base = baseUrlOf(request);
    return searchsetOf(slots, base, `${base.replace(/\/fhir$/, '')}${request.originalUrl}`);
  }
}
