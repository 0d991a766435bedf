import { Controller, ForbiddenException, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { clinicFilterOf, CurrentPrincipal, Principal } from '@thc/auth';
import {
  Clock,
  CLOCK,
  invalidInputDoc,
  ParseUuidParam,
  PhiRead,
  UseCaseRoute,
} from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { WaitingPatient, WaitingRoom } from '../waiting-room.query';

class WaitingPatientResponse implements WaitingPatient {
  @ApiProperty() position!: number;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'date-time' }) scheduledStart!: string;
  @ApiProperty({ format: 'date-time' }) arrivedAt!: string;
  @ApiProperty() waitingSeconds!: number;
}

class WaitingRoomResponse {
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ type: [WaitingPatientResponse] }) waiting!: WaitingPatientResponse[];
}

@ApiTags('waiting room')
@ApiBearerAuth()
@Controller('api/v1/providers/:providerId/waiting-room')
export class WaitingRoomController {
  constructor(
    private readonly waitingRoom: WaitingRoom,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Who is waiting for this provider, in order of arrival. A provider sees only their own. */
  @PhiRead({
    resource: 'Encounter',
    action: 'search',
    patients: (body) => (body as WaitingRoomResponse).waiting.map((w) => w.patientId),
  })
  @UseCaseRoute({
    method: 'GET',
    answer: WaitingRoomResponse,
    summary: "Read a provider's waiting room",
    description:
      'The patients who arrived for their visit with the provider and are not yet admitted, in order of arrival, with how long each has waited. A provider reads only their own; coordinators and admins see only the patients waiting for visits in the clinics they cover. The read is recorded as a PHI access.',
    roles: ['provider', 'coordinator', 'admin'],
    phi: "each waiting patient's id, session, appointment, scheduled start, arrival time and wait",
    errors: {
      400: invalidInputDoc({ ids: ['providerId'], purposeOfUse: true }),
      403: 'The role is not one admitted here, or a provider asks for another provider.',
    },
    params: { providerId: uuidParam('providerId', 'The provider (the `sub` of their token)') },
  })
  async read(
    @Param('providerId', ParseUuidParam) providerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WaitingRoomResponse> {
    const staff = principal.roles.includes('coordinator') || principal.roles.includes('admin');
    if (!staff && principal.subject !== providerId)
      throw new ForbiddenException('a provider sees only their own waiting room');
    const own = principal.subject === providerId;
    const clinics = staff && !own ? clinicFilterOf(principal) : undefined;
    return { providerId, waiting: await this.waitingRoom.of(providerId, this.clock(), clinics) };
  }
}
