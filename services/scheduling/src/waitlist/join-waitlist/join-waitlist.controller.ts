import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { WAITLIST_ENTRY_PHI, WAITLIST_ROLES } from '../waitlist-entry.docs';
import { toWaitlistResponse, WaitlistEntryResponse } from '../waitlist-entry.response';
import { asWaitlistHttp } from '../waitlist.http-errors';
import { JOIN_WAITLIST_EXAMPLE, JoinWaitlistDto } from './join-waitlist.dto';
import { JoinWaitlistHandler } from './join-waitlist.handler';

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller('api/v1/waitlist')
export class JoinWaitlistController {
  constructor(private readonly handler: JoinWaitlistHandler) {}

  /** A patient waits for an earlier slot with a provider, or with any provider of a clinic. */
  @UseCaseRoute({
    method: 'POST',
    answer: { type: WaitlistEntryResponse, description: 'The entry, waiting' },
    summary: 'Join the waitlist for an earlier slot',
    description:
      'A patient waits for a slot earlier than a time (usually their current booking) with one provider, or with any provider of a clinic. When a fitting slot frees up, it is offered to the patients waiting for it in the order they joined. A patient joins only for themselves; a coordinator or admin for any patient, in a clinic they cover.',
    roles: [...WAITLIST_ROLES],
    phi: WAITLIST_ENTRY_PHI,
    errors: {
      400: invalidInputDoc({ body: true }),
      403: 'The role is not one of patient, coordinator, admin, a patient joins for another patient, or a coordinator or admin joins a clinic they do not cover.',
      422: '`earlierThan` is not in the future.',
    },
    body: { type: JoinWaitlistDto, example: JOIN_WAITLIST_EXAMPLE },
  })
  async join(
    @Body() dto: JoinWaitlistDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitlistEntryResponse> {
    const waiting = await asWaitlistHttp(() => this.handler.execute(dto, principal));
    return toWaitlistResponse(waiting);
  }
}
