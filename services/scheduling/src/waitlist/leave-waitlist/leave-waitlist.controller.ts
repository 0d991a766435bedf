import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import {
  toWaitlistResponse,
  WaitlistEntryResponse,
} from '../read-waitlist/waitlist-entry.response';
import { asWaitlistHttp } from '../waitlist.http-errors';
import { LeaveWaitlistDto } from './leave-waitlist.dto';
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
  @Post(':id/leave')
  @HttpCode(200)
  @Roles('patient', 'coordinator', 'admin')
  @PhiRead({
    resource: 'Appointment',
    patients: (r) => [(r as WaitlistEntryResponse).patientId],
    resourceId: (r) => (r as WaitlistEntryResponse).waitlistEntryId,
  })
  @ApiOkResponse({ type: WaitlistEntryResponse, description: 'The entry, now left' })
  @ApiNotFoundResponse({ description: 'no such waitlist entry' })
  @ApiForbiddenResponse({ description: "another patient's entry" })
  @ApiConflictResponse({ description: 'the entry has left the list already' })
  async leave(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LeaveWaitlistDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitlistEntryResponse> {
    const left = await asWaitlistHttp(() => this.handler.execute(id, dto, principal));
    return toWaitlistResponse(left);
  }
}
