import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { PUT_PROVIDER_SCHEDULE_EXAMPLE, PutProviderScheduleDto } from './put-provider-schedule.dto';
import { PutProviderScheduleHandler } from './put-provider-schedule.handler';
import { ProviderScheduleQuery } from './provider-schedule.query';
import { ProviderScheduleResponse } from './provider-schedule.response';
import { ScheduleSavedResponse } from './schedule-saved.response';

const providerIdPipe = new ParseUuidParam({ version: 4 });
const providerId = { providerId: uuidParam('providerId', 'The provider') };

@ApiTags('availability')
@Controller('api/v1/providers/:providerId/schedule')
export class ProviderScheduleController {
  constructor(
    private readonly put: PutProviderScheduleHandler,
    private readonly schedules: ProviderScheduleQuery,
  ) {}

  @UseCaseRoute({
    method: 'PUT',
    status: 200,
    answer: {
      type: ScheduleSavedResponse,
      description: 'The stream version after the save, and whether it changed.',
    },
    summary: "Define or replace a provider's telehealth schedule",
    description:
      "Sets the provider's weekly hours, visit lengths, buffers, notice, booking horizon, daily limit and exceptions (closed days, time away, other hours) from `effectiveFrom` on (default: today in the provider's zone). Rules apply to slot search and new bookings only; booked visits never move. Saving the same rules again changes nothing (`changed: false`). A coordinator or admin defines schedules only in a clinic they cover, and changes one only while the provider's current clinic is one they cover.",
    roles: ['coordinator', 'admin'],
    phi: "none: the provider's id and the schedule's version",
    errors: {
      400: invalidInputDoc({
        ids: ['providerId'],
        v4: true,
        body: true,
        also: 'the rules do not hold together (an unknown time zone, a window that ends before it starts, overlaps another or cannot hold one visit, an exception on a day closed already; `invalid-params` names each)',
      }),
      403: "The role is not one of coordinator, admin, or the schedule's clinic, or the provider's current one, is not one the caller covers.",
      409: 'Someone else changed the schedule at the same time; repeat the request.',
    },
    params: providerId,
    body: { type: PutProviderScheduleDto, example: PUT_PROVIDER_SCHEDULE_EXAMPLE },
  })
  define(
    @Param('providerId', providerIdPipe) providerId: string,
    @Body() body: PutProviderScheduleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleSavedResponse> {
    return this.put.execute(providerId, body, principal);
  }

  @UseCaseRoute({
    method: 'GET',
    answer: {
      type: ProviderScheduleResponse,
      description: 'The latest rules and the periods in force, with the version.',
    },
    summary: "Read a provider's schedule",
    description:
      "The provider's latest rules and every period in force (each with the rules it applies from its start date). A provider reads only their own; a coordinator or admin only one in a clinic they cover.",
    roles: ['coordinator', 'admin', 'provider'],
    phi: "none: the provider's schedule rules",
    errors: {
      400: invalidInputDoc({ ids: ['providerId'], v4: true }),
      403: 'The role is not one of coordinator, admin, provider, a provider asks for another provider, or a coordinator or admin for a schedule in a clinic they do not cover.',
      404: 'The provider has no schedule.',
    },
    params: providerId,
  })
  read(
    @Param('providerId', providerIdPipe) providerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProviderScheduleResponse> {
    return this.schedules.read(providerId, principal);
  }
}
