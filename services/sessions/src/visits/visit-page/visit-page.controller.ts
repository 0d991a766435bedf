import { Controller, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { UseCaseRoute } from '@thc/service-runtime';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiAcceptLanguage } from '../../openapi/api-docs';
import type { Session } from '../domain/session.state';
import { openEventStream } from '../infrastructure/event-stream';
import { ForLinkHolder, LinkHolder, LinkSession } from '../link-holder';
import { LINK_REFUSALS, linkHolderInvalidInput } from '../link-holder.docs';
import { VisitResponse, VisitStatusResponse } from './visit-page.dto';
import { VisitQuery } from './visit.query';
import { VisitStatusStream } from './visit-status.stream';

const ABOUT_THE_LINK =
  'No bearer token: the join link is the credential, in `X-Join-Token`, with the device token of the join exchange in `X-Device-Token` once the link is bound to a device. A link answers only about its own participant in its one visit. Refusals of the link are problem+json whose `detail` tells the patient, in their language, what happened and what to do.';

/** What the holder of a join link reads of their visit: the page's facts, and its live status. */
@ApiTags('visit page')
@Controller('api/v1/visit')
@ForLinkHolder()
export class VisitPageController {
  constructor(
    private readonly visit: VisitQuery,
    private readonly stream: VisitStatusStream,
  ) {}

  @UseCaseRoute({
    method: 'GET',
    answer: VisitResponse,
    summary: "Read the link holder's visit",
    description: `The visit of the join link's participant as their page shows it: when (with the clinic's time zone), the clinic and provider by name, where the participant stands (scheduled, waiting with their place, provider joining, admitted, ended), whether they are on audio only, whether the survey was answered and whether the patient's telehealth consent is on record. ${ABOUT_THE_LINK}`,
    roles: 'public',
    phi: "the participant's own visit: its times, clinic and provider names, their role, place in the waiting room, audio-only fallback, survey and consent standing",
    errors: { 400: linkHolderInvalidInput(false), ...LINK_REFUSALS },
  })
  @ApiAcceptLanguage()
  read(@LinkHolder() holder: LinkHolder, @LinkSession() session: Session): Promise<VisitResponse> {
    return this.visit.of(session, holder);
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'events',
    answer: {
      type: VisitStatusResponse,
      description: 'A stream of `event: status` messages whose `data` is this object.',
    },
    summary: "Follow the link holder's visit live",
    description: `Server-sent events (\`text/event-stream\`, read with fetch so the link headers can be sent): a \`status\` event with the participant's state and place in the waiting room at once and whenever it changes, and, once admitted, the video room to enter; a comment every 15 seconds keeps the stream open; it closes after \`ended\`. ${ABOUT_THE_LINK}`,
    roles: 'public',
    phi: "none beyond the participant's own state: their state, place in the waiting room and the room's address",
    errors: { 400: linkHolderInvalidInput(false), ...LINK_REFUSALS },
  })
  @ApiAcceptLanguage()
  @ApiProduces('text/event-stream')
  async events(
    @LinkHolder() holder: LinkHolder,
    @LinkSession() session: Session,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    await this.stream.follow(holder, session, openEventStream(request, response));
  }
}
