import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { asHttp } from '../shared/http-errors';
import { IssueJoinLinkDto, JoinLinkResponse } from './issue-join-link.dto';
import { JoinLinksHandler } from './join-links.handler';

@ApiTags('join links')
@ApiBearerAuth()
@Controller('api/v1/sessions/:sessionId/links')
export class JoinLinksController {
  constructor(private readonly handler: JoinLinksHandler) {}

  /**
   * A signed link for one participant, usable in the window around the visit; it replaces the
   * participant's previous link. A patient may ask only for their own.
   */
  @Post()
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiCreatedResponse({ type: JoinLinkResponse })
  @ApiConflictResponse({ description: 'the session has ended' })
  issue(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: IssueJoinLinkDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JoinLinkResponse> {
    return asHttp(() => this.handler.issue(sessionId, dto.participantId, principal));
  }

  /** Revokes a link before it expires (sent to the wrong person, device lost). */
  @Delete(':linkId')
  @HttpCode(204)
  @Roles('provider', 'coordinator', 'admin')
  @ApiNoContentResponse({ description: 'the link no longer works' })
  async revoke(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('linkId', ParseUUIDPipe) linkId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.revoke(sessionId, linkId, principal));
  }
}
