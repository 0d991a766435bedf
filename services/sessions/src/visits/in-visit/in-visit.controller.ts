import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { asHttp } from '../shared/http-errors';
import { AudioOnlyDto, LeaveDto, QualitySampleDto } from './in-visit.dto';
import { InVisitHandler } from './in-visit.handler';

/** Reports from a participant's media client during the visit; answers carry no patient data. */
@ApiTags('during the visit')
@ApiBearerAuth()
@Controller('api/v1/sessions/:sessionId/participants/:participantId')
export class InVisitController {
  constructor(private readonly handler: InVisitHandler) {}

  /** A leave, or a drop (`disconnected`); three drops open a connection issue. */
  @Post('leave')
  @HttpCode(204)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiNoContentResponse()
  async leave(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() dto: LeaveDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.leave(sessionId, participantId, dto, principal));
  }

  /** One connection-quality sample; the band and (if not reported) MOS are derived. */
  @Post('quality-samples')
  @HttpCode(204)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiNoContentResponse()
  async sample(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() dto: QualitySampleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.sample(sessionId, participantId, dto, principal));
  }

  /** The participant's client could not enter the room (counts toward platform incidents). */
  @Post('join-failed')
  @HttpCode(204)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiNoContentResponse()
  async joinFailed(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.joinFailed(sessionId, participantId, principal));
  }

  @Post('audio-only')
  @HttpCode(204)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiNoContentResponse()
  async audioOnly(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('participantId', ParseUUIDPipe) participantId: string,
    @Body() dto: AudioOnlyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.audioOnly(sessionId, participantId, dto, principal));
  }
}
