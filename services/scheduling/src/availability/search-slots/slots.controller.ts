import { Controller, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { ensureClinicSlotsAccess, ensureScheduleReadable } from '../schedule-access';
import { SearchSlotsHandler } from './search-slots.handler';
import { SlotQueryDto } from './slot-query.dto';
import { ClinicSlotsResponse, ProviderSlotsResponse } from './slots.response';
import { slotRangeOf } from './slot-range';

const uuid = new ParseUuidParam({ version: 4 });
const RANGE =
  '`timeZone` is not an IANA time zone, or `to` is not after `from` or more than 31 days later';

@ApiTags('availability')
@Controller('api/v1')
export class SlotsController {
  constructor(private readonly search: SearchSlotsHandler) {}

  @UseCaseRoute({
    method: 'GET',
    path: 'providers/:providerId/slots',
    answer: {
      type: ProviderSlotsResponse,
      description: 'The range searched and the free slots in it',
    },
    summary: 'Search the free slots of a provider',
    description:
      "The provider's bookable slots of one visit type starting in [from, to), at most 31 days, shown in the requested time zone: the schedule's hours less exceptions, booked time with its buffers, the minimum notice, the booking horizon and the daily limit. Coordinators and admins search only providers whose schedule is in a clinic they cover.",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: 'none: free times only',
    errors: {
      400: invalidInputDoc({ ids: ['providerId'], v4: true, query: true, also: RANGE }),
      403: 'A coordinator or admin asks for a provider whose schedule is in a clinic they do not cover.',
      404: 'The provider has no schedule.',
    },
    params: { providerId: uuidParam('providerId', 'The provider') },
  })
  async providerSlots(
    @Param('providerId', uuid) providerId: string,
    @Query() query: SlotQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProviderSlotsResponse> {
    const range = slotRangeOf(query);
    const slots = await this.search.forProvider(providerId, range, (schedule) =>
      ensureScheduleReadable(principal, schedule),
    );
    if (!slots) throw new NotFoundException(`provider ${providerId} has no schedule`);
    return { providerId, ...rangeEcho(range), slots };
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'clinics/:clinicId/slots',
    answer: {
      type: ClinicSlotsResponse,
      description: 'The range searched, the providers and their free slots',
    },
    summary: 'Search the free slots of a clinic',
    description:
      "The free slots of every provider whose schedule is in the clinic, as for one provider's search; a clinic without scheduled providers has none. Coordinators and admins search only clinics they cover.",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: 'none: the providers of the clinic and their free times',
    errors: {
      400: invalidInputDoc({ ids: ['clinicId'], v4: true, query: true, also: RANGE }),
      403: 'A coordinator or admin asks for a clinic they do not cover.',
    },
    params: { clinicId: uuidParam('clinicId', 'The clinic') },
  })
  async clinicSlots(
    @Param('clinicId', uuid) clinicId: string,
    @Query() query: SlotQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClinicSlotsResponse> {
    ensureClinicSlotsAccess(principal, clinicId);
    const range = slotRangeOf(query);
    return { clinicId, ...rangeEcho(range), ...(await this.search.forClinic(clinicId, range)) };
  }
}

function rangeEcho(range: ReturnType<typeof slotRangeOf>) {
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    timeZone: range.timeZone,
    visitType: range.visitType,
  };
}
