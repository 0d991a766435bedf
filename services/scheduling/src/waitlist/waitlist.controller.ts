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
import { actorOf, CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { ApiUseCase, Clock, CLOCK, invalidInputDoc, PhiRead } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { SCHEDULING_ACTING_ROLES } from '../appointments/appointments.settings';
import { uuidParam } from '../openapi/api-docs';
import { JOIN_WAITLIST_EXAMPLE, JoinWaitlistDto } from './join-waitlist/join-waitlist.dto';
import { WAITLIST_ENTRY_PHI } from './read-waitlist/waitlist-entry.docs';
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
  @ApiUseCase({
    summary: 'Join the waitlist for an earlier slot',
    description:
      'A patient waits for a slot earlier than a time (usually their current booking) with one provider, or with any provider of a clinic. When a fitting slot frees up, it is offered to the patients waiting for it in the order they joined. A patient joins only for themselves; a coordinator or admin for any patient, in a clinic they cover.',
    roles: ['patient', 'coordinator', 'admin'],
    phi: WAITLIST_ENTRY_PHI,
    errors: {
      400: invalidInputDoc({ body: true }),
      403: 'The role is not one of patient, coordinator, admin, a patient joins for another patient, or a coordinator or admin joins a clinic they do not cover.',
      422: '`earlierThan` is not in the future.',
    },
    body: { type: JoinWaitlistDto, example: JOIN_WAITLIST_EXAMPLE },
  })
  @ApiCreatedResponse({ type: WaitlistEntryResponse, description: 'The entry, waiting' })
  async join(
    @Body() dto: JoinWaitlistDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitlistEntryResponse> {
    ensurePatientAccess(principal, dto.patientId, false, [dto.clinicId]);
    const waitlistEntryId = randomUUID();
    const at = this.clock().toISOString();
    const after = await asWaitlistHttp(() =>
      this.waitlist.append(
        waitlistEntryId,
        { state: { status: 'none' }, version: 0 },
        {
          type: 'JoinWaitlist',
          entry: entryOf(waitlistEntryId, dto),
          at,
          by: actorOf(principal, SCHEDULING_ACTING_ROLES),
        },
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
  @ApiUseCase({
    summary: 'Read a waitlist entry',
    description:
      'The entry with every slot offered to it so far, and whether the patient still waits. A patient reads only their own entry; a coordinator or admin only an entry of a clinic they cover. Each read is recorded as a PHI access.',
    roles: ['patient', 'coordinator', 'admin'],
    phi: WAITLIST_ENTRY_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['id'], purposeOfUse: true }),
      403: "The role is not one of patient, coordinator, admin, a patient reads another patient's entry, or a coordinator or admin one of a clinic they do not cover.",
      404: 'No waitlist entry with this id.',
    },
    params: { id: uuidParam('waitlistEntryId', 'The waitlist entry') },
  })
  @ApiOkResponse({ type: WaitlistEntryResponse })
  async read(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitlistEntryResponse> {
    const { state } = await this.waitlist.load(id);
    if (state.status === 'none') throw new NotFoundException(`no waitlist entry ${id}`);
    ensurePatientAccess(principal, state.entry.patientId, false, [state.entry.clinicId]);
    return toWaitlistResponse(state);
  }
}
