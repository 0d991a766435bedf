import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { NO_SUCH_SESSION, NOT_YOUR_VISIT, SESSION_PARAM, uuidParam } from '../../openapi/api-docs';
import { asHttp } from '../http-errors';
import { ISSUE_JOIN_LINK_EXAMPLE, IssueJoinLinkDto, JoinLinkResponse } from './issue-join-link.dto';
import { JoinLinksHandler } from './join-links.handler';

@ApiTags('join links')
@ApiBearerAuth()
@Controller('api/v1/sessions/:sessionId/links')
export class JoinLinksController {
  constructor(private readonly handler: JoinLinksHandler) {}

  /**
   * A signed link for one participant, usable in the window around the visit; it replaces the
   * participant's previous link, and is sent to them unless `send` is false (the provider's is
   * not sent unless asked). A patient may ask only for their own.
   */
  @UseCaseRoute({
    method: 'POST',
    answer: JoinLinkResponse,
    summary: 'Issue a join link for a participant',
    description:
      "A signed link for one participant of the visit, usable in the window around its start (`opensAt` to `expiresAt`); it replaces the participant's previous links, which stop working. With `send` (default: for the patient, an interpreter or a caregiver) the notifications service is asked to send it to the participant now (JoinLinkDeliveryRequested, the link sealed under the patient's key); `deliveryRequested` says whether it was. The link is a bearer credential: send it only to the participant. A patient may ask only for their own.",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: 'none: the link and its window (the link lets its bearer into the visit)',
    errors: {
      400: invalidInputDoc({ ids: ['sessionId'], body: true }),
      403: "The role is not one admitted here, the caller is neither staff, the session's provider nor its patient, or a patient asks for another participant's link.",
      404: NO_SUCH_SESSION,
      409: 'The session has ended, or it changed at the same time.',
      422: 'The participant is not one of the visit, or the visit is so far past that the link would expire before it is issued.',
    },
    params: SESSION_PARAM,
    body: { type: IssueJoinLinkDto, example: ISSUE_JOIN_LINK_EXAMPLE },
  })
  issue(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Body() dto: IssueJoinLinkDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JoinLinkResponse> {
    return asHttp(() => this.handler.issue(sessionId, dto, principal));
  }

  /** Revokes a link before it expires (sent to the wrong person, device lost). */
  @UseCaseRoute({
    method: 'DELETE',
    path: ':linkId',
    status: 204,
    answer: { description: 'The link no longer works' },
    summary: 'Revoke a join link',
    description:
      'The link stops working at once (sent to the wrong person, device lost); revoking a revoked link changes nothing. Issue a new one for the participant if they still need to join.',
    roles: ['provider', 'coordinator', 'admin'],
    phi: 'none: the answer is empty',
    errors: {
      400: invalidInputDoc({ ids: ['sessionId', 'linkId'] }),
      403: NOT_YOUR_VISIT,
      404: NO_SUCH_SESSION,
      409: 'The session has ended, or it changed at the same time.',
      422: 'The session has no link with this id.',
    },
    params: { ...SESSION_PARAM, linkId: uuidParam('linkId', 'The join link') },
  })
  async revoke(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Param('linkId', ParseUuidParam) linkId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await asHttp(() => this.handler.revoke(sessionId, linkId, principal));
  }
}
