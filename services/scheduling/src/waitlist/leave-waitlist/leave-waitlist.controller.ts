import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { toWaitlistResponse, WaitlistEntryResponse } from '../waitlist-entry.response';
import { AnswersWaitlistEntry, WAITLIST_ENTRY_PHI, WAITLIST_ROLES } from '../waitlist-entry.docs';
import { asWaitlistHttp } from '../waitlist.http-errors';
import { LEAVE_WAITLIST_EXAMPLE, LeaveWaitlistDto } from './leave-waitlist.dto';
import { LeaveWaitlistHandler } from './leave-waitlist.handler';

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller('api/v1/waitlist')
export class LeaveWaitlistController {
  constructor(private readonly handler: LeaveWaitlistHandler) {}

  /**
   * The patient, or staff for them, leaves the waitlist: the entry is never offered a slot
   * again and an offer it held goes to the next patient. An action on the entry (which stays
   * readable), like cancelling an appointment, hence POST rather than DELETE.
   */
  @AnswersWaitlistEntry()
  @UseCaseRoute({
    method: 'POST',
    path: ':id/leave',
    status: 200,
    answer: { type: WaitlistEntryResponse, description: 'The entry, now left' },
    summary: 'Leave the waitlist',
    description:
      'Takes an entry off the waitlist with a coded reason: it is never offered a slot again, and an open offer it held goes to the next patient. The entry stays readable. A patient leaves only their own entry; a coordinator or admin only an entry of a clinic they cover.',
    roles: [...WAITLIST_ROLES],
    phi: WAITLIST_ENTRY_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['id'], body: true, purposeOfUse: true }),
      403: "The role is not one of patient, coordinator, admin, a patient leaves another patient's entry, or a coordinator or admin one of a clinic they do not cover.",
      404: 'No waitlist entry with this id.',
      409: 'The entry has left the list already, or it changed at the same time.',
    },
    params: { id: uuidParam('waitlistEntryId', 'The waitlist entry') },
    body: { type: LeaveWaitlistDto, example: LEAVE_WAITLIST_EXAMPLE },
  })
  async leave(
    @Param('id', ParseUuidParam) id: string,
    @Body() dto: LeaveWaitlistDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitlistEntryResponse> {
    const left = await asWaitlistHttp(() => this.handler.execute(id, dto, principal));
    return toWaitlistResponse(left);
  }
}
