import { Body, Controller, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { NOT_YOUR_SESSION } from '../../openapi/api-docs';
import { asHttp } from '../http-errors';
import {
  CONFIRM_LOCATION_EXAMPLE,
  ConfirmLocationDto,
  LocationConfirmation,
} from './confirm-location.dto';
import { ConfirmLocationHandler } from './confirm-location.handler';
import { SessionCommandDoc, SessionCommandRoute } from '../session-command.route';
import { ParseUuidParam } from '@thc/service-runtime';

/** The patient's statement of where they are, answered with the location now on record. */
const CONFIRM = {
  path: 'patient-location',
  roles: ['patient', 'provider', 'coordinator', 'admin'],
  summary: 'Confirm where the patient is for the visit',
  description:
    "Records the state (USPS code) the patient says they are in now. The visit starts only with a confirmation from the last 60 minutes and a provider licensed in that state; a transfer needs a provider licensed there too. The patient confirms for themselves; staff or the visit's provider may confirm on their behalf.",
  phi: "the session id and the patient's confirmed state with its time (a state is not a HIPAA identifier)",
  errors: {
    403: NOT_YOUR_SESSION,
    409: 'The session has ended, or it changed at the same time.',
  },
  body: { type: ConfirmLocationDto, example: CONFIRM_LOCATION_EXAMPLE },
  answer: { status: 200, type: LocationConfirmation, description: 'The location now on record' },
} satisfies SessionCommandDoc;

/**
 * Where the patient is at the visit, which licensure follows. Its own operation rather than a
 * field of the pre-visit device check: the check is each participant's and may be skipped,
 * while this is the patient's statement, which staff may record on their behalf (on the phone,
 * or when the patient joins by dial-in).
 */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('api/v1/sessions/:sessionId')
export class ConfirmLocationController {
  constructor(private readonly handler: ConfirmLocationHandler) {}

  @SessionCommandRoute(CONFIRM)
  async confirm(
    @Param('sessionId', ParseUuidParam) sessionId: string,
    @Body() dto: ConfirmLocationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LocationConfirmation> {
    const handled = await asHttp(() => this.handler.confirm(sessionId, dto.state, principal));
    const location = handled.state.status === 'none' ? undefined : handled.state.patientLocation;
    if (!location) throw new NotFoundException('no such session');
    return { sessionId, state: location.state, confirmedAt: location.confirmedAt };
  }
}
