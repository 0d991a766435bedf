import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '../appointments/appointments.settings';
import { actorOf } from '../appointments/shared/actor';
import { JoinWaitlistDto } from './join-waitlist/join-waitlist.dto';
import { toWaitlistResponse, WaitlistEntryResponse } from './read-waitlist/waitlist-entry.response';
import { asWaitlistHttp } from './waitlist.http-errors';
import { WaitlistRepository } from './waitlist.repository';

/** The entry as the event carries it: an absent provider stays absent (not undefined, not null). */
function entryOf(waitlistEntryId: string, dto: JoinWaitlistDto) {
  const { patientId, clinicId, providerId, visitType, earlierThan, timeZone } = dto;
  return {
    waitlistEntryId,
    patientId,
    clinicId,
    ...(providerId !== undefined ? { providerId } : {}),
    visitType,
    earlierThan,
    timeZone,
  };
}

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller('api/v1/waitlist')
export class WaitlistController {
  constructor(
    private readonly waitlist: WaitlistRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A patient waits for an earlier slot with a provider, or with any provider of a clinic. */
  @Post()
  @Roles('patient', 'coordinator', 'admin')
  @ApiCreatedResponse({ type: WaitlistEntryResponse })
  async join(
    @Body() dto: JoinWaitlistDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitlistEntryResponse> {
    ensurePatientAccess(principal, dto.patientId);
    const waitlistEntryId = randomUUID();
    const at = this.clock().toISOString();
    const after = await asWaitlistHttp(() =>
      this.waitlist.append(
        waitlistEntryId,
        { state: { status: 'none' }, version: 0 },
        { type: 'JoinWaitlist', entry: entryOf(waitlistEntryId, dto), at, by: actorOf(principal) },
        principal.subject,
      ),
    );
    const { clinicId, providerId, visitType, earlierThan } = dto;
    await this.waitlist.enqueue({
      _id: waitlistEntryId,
      clinicId,
      visitType,
      joinedAt: at,
      ...(providerId !== undefined ? { providerId } : {}),
      earlierThan,
    });
    if (after.state.status !== 'waiting') throw new Error('waitlist entry not stored');
    return toWaitlistResponse(after.state);
  }

  @Get(':id')
  @Roles('patient', 'coordinator', 'admin')
  @PhiRead({
    resource: 'Appointment',
    patients: (r) => [(r as WaitlistEntryResponse).patientId],
    resourceId: (r) => (r as WaitlistEntryResponse).waitlistEntryId,
  })
  @ApiOkResponse({ type: WaitlistEntryResponse })
  async read(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitlistEntryResponse> {
    const { state } = await this.waitlist.load(id);
    if (state.status === 'none') throw new NotFoundException(`no waitlist entry ${id}`);
    ensurePatientAccess(principal, state.entry.patientId);
    return toWaitlistResponse(state);
  }
}
