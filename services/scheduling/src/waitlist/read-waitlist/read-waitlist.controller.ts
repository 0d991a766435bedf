import { Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { AnswersWaitlistEntry, WAITLIST_ENTRY_PHI, WAITLIST_ROLES } from '../waitlist-entry.docs';
import { toWaitlistResponse, WaitlistEntryResponse } from '../waitlist-entry.response';
import { ReadWaitlistQuery } from './read-waitlist.query';

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller('api/v1/waitlist')
export class ReadWaitlistController {
  constructor(private readonly query: ReadWaitlistQuery) {}

  @AnswersWaitlistEntry()
  @UseCaseRoute({
    method: 'GET',
    path: ':id',
    answer: WaitlistEntryResponse,
    summary: 'Read a waitlist entry',
    description:
      'The entry with every slot offered to it so far, and whether the patient still waits. A patient reads only their own entry; a coordinator or admin only an entry of a clinic they cover. Each read is recorded as a PHI access.',
    roles: [...WAITLIST_ROLES],
    phi: WAITLIST_ENTRY_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['id'], purposeOfUse: true }),
      403: "The role is not one of patient, coordinator, admin, a patient reads another patient's entry, or a coordinator or admin one of a clinic they do not cover.",
      404: 'No waitlist entry with this id.',
    },
    params: { id: uuidParam('waitlistEntryId', 'The waitlist entry') },
  })
  async read(
    @Param('id', ParseUuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitlistEntryResponse> {
    return toWaitlistResponse(await this.query.execute(id, principal));
  }
}
