import { Body, Controller, Headers } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { ApiAcceptLanguage } from '../../openapi/api-docs';
import { LinkRefusedError } from '../domain/session.errors';
import { asHttp } from '../http-errors';
import { JOIN_VISIT_EXAMPLE, JoinVisitDto, JoinVisitResponse } from './join-visit.dto';
import { JoinVisitHandler } from './join-visit.handler';
import { refusalProblem } from '../join-refusals';

@ApiTags('join links')
@Controller('api/v1/join')
export class JoinVisitController {
  constructor(private readonly handler: JoinVisitHandler) {}

  /**
   * Public: the signed join link is the credential (patients have no account token). Refusals
   * are problem+json whose detail tells the patient, in their language (Accept-Language: en,
   * es), what happened and what to do.
   */
  @UseCaseRoute({
    method: 'POST',
    status: 200,
    answer: JoinVisitResponse,
    summary: 'Join a visit with a join link',
    description:
      "Opens a participant's join link: no bearer token, the signed link is the credential. A patient enters the waiting room (and learns their place) until the provider admits them; everyone else, and an admitted patient, gets the video room. The first exchange binds the link to the device that made it and returns a `deviceToken` the device sends with later exchanges; while the participant is in the visit, the link on any other device is refused (409). After a leave or a drop, another device may take the link over. Refusals are problem+json whose `detail` tells the patient, in their language, what happened and what to do.",
    roles: 'public',
    phi: "none: the session id, the caller's role, their place in the waiting room or the room's address",
    errors: {
      400: invalidInputDoc({ body: true }),
      403: 'The link is not valid (not signed by this service, or not for this session), or it is not open yet.',
      409: 'The link is in use on another device while its participant is in the visit (or the patient in the waiting room): a second device needs the device token of the first exchange, or a new link.',
      410: 'The link expired, was replaced or revoked, or the visit has ended or was cancelled.',
    },
    body: { type: JoinVisitDto, example: JOIN_VISIT_EXAMPLE },
  })
  @ApiAcceptLanguage()
  async join(
    @Body() dto: JoinVisitDto,
    @Headers('accept-language') language?: string,
  ): Promise<JoinVisitResponse> {
    try {
      return await asHttp(() => this.handler.execute(dto));
    } catch (error) {
      if (error instanceof LinkRefusedError) throw refusalProblem(error.refusal, language);
      throw error;
    }
  }
}
