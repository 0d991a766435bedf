import {
  Body,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { Handled } from '../shared/session.repository';
import { asHttp } from '../shared/http-errors';
import { EndSessionDto, TransferProviderDto } from './run-visit.dto';
import { RunVisitHandler } from './run-visit.handler';
import { SessionResponse, toResponse } from './session.response';

const phi = PhiRead({
  resource: 'Encounter',
  patients: (body) => [(body as SessionResponse).patientId],
  resourceId: (body) => (body as SessionResponse).sessionId,
});

function respond(handled: Handled): SessionResponse {
  if (handled.state.status === 'none') throw new NotFoundException('no such session');
  return toResponse(handled.state, handled.version);
}

/** The provider runs the visit: start (consent gate), admit from the waiting room, end. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('api/v1/sessions/:sessionId')
export class RunVisitController {
  constructor(private readonly handler: RunVisitHandler) {}

  @Post('start')
  @HttpCode(200)
  @Roles('provider', 'coordinator', 'admin')
  @phi
  @ApiOkResponse({ type: SessionResponse })
  @ApiConflictResponse({
    description: 'no active telehealth consent (recorded), or already started',
  })
  async start(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    return respond(await asHttp(() => this.handler.start(sessionId, principal)));
  }

  @Post('admit')
  @HttpCode(200)
  @Roles('provider', 'coordinator', 'admin')
  @phi
  @ApiOkResponse({ type: SessionResponse })
  async admit(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    return respond(await asHttp(() => this.handler.admit(sessionId, principal)));
  }

  /** Hands the visit to another provider, who then gets a link of their own. */
  @Post('transfer')
  @HttpCode(200)
  @Roles('provider', 'coordinator', 'admin')
  @phi
  @ApiOkResponse({ type: SessionResponse })
  async transfer(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: TransferProviderDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    return respond(await asHttp(() => this.handler.transfer(sessionId, dto.providerId, principal)));
  }

  @Post('end')
  @HttpCode(200)
  @Roles('provider', 'coordinator', 'admin')
  @phi
  @ApiOkResponse({ type: SessionResponse })
  async end(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: EndSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponse> {
    return respond(await asHttp(() => this.handler.end(sessionId, dto.outcome, principal)));
  }
}
