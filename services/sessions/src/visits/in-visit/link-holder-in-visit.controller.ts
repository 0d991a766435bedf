import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UseCaseRoute } from '@thc/service-runtime';
import { asHttp } from '../http-errors';
import { ForLinkHolder, LinkHolder } from '../link-holder';
import { linkHolderActionErrors, WITH_THE_LINK } from '../link-holder.docs';
import { principalOf } from '../participant-principal';
import {
  LEAVE_EXAMPLE,
  LeaveDto,
  VISIT_AUDIO_ONLY_EXAMPLE,
  VisitAudioOnlyDto,
} from './in-visit.dto';
import { InVisitHandler } from './in-visit.handler';

const PHI_NONE = 'none: the answer is empty';
const RECORDED = { description: 'Recorded' };

/** What the link holder reports of their own presence in the visit, from their visit page. */
@ApiTags('visit page')
@Controller('api/v1/visit')
@ForLinkHolder()
export class LinkHolderInVisitController {
  constructor(private readonly inVisit: InVisitHandler) {}

  @UseCaseRoute({
    method: 'POST',
    path: 'audio-only',
    status: 204,
    answer: RECORDED,
    summary: 'Continue the visit on audio only',
    description: `The link's participant continues without video, and why (default: their own choice), as the participant's audio-only route records it: once per participant, a later report changes nothing. ${WITH_THE_LINK}`,
    roles: 'public',
    phi: PHI_NONE,
    errors: linkHolderActionErrors(),
    body: { type: VisitAudioOnlyDto, example: VISIT_AUDIO_ONLY_EXAMPLE },
  })
  async audioOnly(@LinkHolder() holder: LinkHolder, @Body() dto: VisitAudioOnlyDto): Promise<void> {
    await asHttp(() =>
      this.inVisit.audioOnly(
        holder.sessionId,
        holder.participantId,
        { trigger: dto.trigger ?? 'participant-choice' },
        principalOf(holder),
      ),
    );
  }

  @UseCaseRoute({
    method: 'POST',
    path: 'leave',
    status: 204,
    answer: RECORDED,
    summary: 'Leave the visit, or report a drop',
    description: `The link's participant left the room (\`left\`) or lost the connection (\`disconnected\`); the third drop opens a connection issue for the coordinators. ${WITH_THE_LINK}`,
    roles: 'public',
    phi: PHI_NONE,
    errors: { ...linkHolderActionErrors(), 422: 'The participant is not in the room.' },
    body: { type: LeaveDto, example: LEAVE_EXAMPLE },
  })
  async leave(@LinkHolder() holder: LinkHolder, @Body() dto: LeaveDto): Promise<void> {
    await asHttp(() =>
      this.inVisit.leave(holder.sessionId, holder.participantId, dto, principalOf(holder)),
    );
  }
}
