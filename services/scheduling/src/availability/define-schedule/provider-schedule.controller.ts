import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Put,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, hasAnyRole, Principal, Roles } from '@thc/auth';
import { ProviderScheduleRepository } from '../infrastructure/provider-schedule.repository';
import { PutProviderScheduleDto } from './put-provider-schedule.dto';
import { PutProviderScheduleHandler, PutScheduleResult } from './put-provider-schedule.handler';

const providerIdPipe = new ParseUUIDPipe({ version: '4' });

@ApiTags('availability')
@Controller('api/v1/providers/:providerId/schedule')
export class ProviderScheduleController {
  constructor(
    private readonly put: PutProviderScheduleHandler,
    private readonly schedules: ProviderScheduleRepository,
  ) {}

  @Put()
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: "Define or replace a provider's telehealth schedule",
    description: 'Rules apply to slot search and new bookings only; booked visits never move.',
  })
  @ApiOkResponse({ description: 'The stream version after the save.' })
  define(
    @Param('providerId', providerIdPipe) providerId: string,
    @Body() body: PutProviderScheduleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PutScheduleResult> {
    return this.put.execute(providerId, body, principal);
  }

  @Get()
  @Roles('coordinator', 'admin', 'provider')
  @ApiOperation({ summary: "A provider's schedule: the latest rules and every period in force" })
  async read(
    @Param('providerId', providerIdPipe) providerId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!hasAnyRole(principal, ['coordinator', 'admin']) && principal.subject !== providerId)
      throw new ForbiddenException('a provider may read only their own schedule');
    const { state, version } = await this.schedules.load(providerId);
    if (state.status !== 'defined')
      throw new NotFoundException(`provider ${providerId} has no schedule`);
    return { providerId, version, rules: state.latest, periods: state.schedule.periods };
  }
}
