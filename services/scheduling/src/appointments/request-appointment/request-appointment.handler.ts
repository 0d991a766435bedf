import { Inject, Injectable } from '@nestjs/common';
import { actorOf, ensurePatientAccess, Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { SCHEDULING_ACTING_ROLES } from '../appointments.settings';
import { asHttp } from '../http-errors';
import { AppointmentRepository } from '../infrastructure/appointment.repository';
import { REASON_SEALER, ReasonSealer } from '../infrastructure/reason-sealer';
import { RequestAppointmentDto } from './request-appointment.dto';

/**
 * A patient (or staff for them) asks for a visit in a window: a new appointment, `proposed`,
 * with the reason sealed; a coordinator books a slot in it later.
 */
@Injectable()
export class RequestAppointmentHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    @Inject(REASON_SEALER) private readonly sealer: ReasonSealer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async execute(
    dto: RequestAppointmentDto,
    principal: Principal,
  ): Promise<{ appointmentId: string; status: 'proposed' }> {
    ensurePatientAccess(principal, dto.patientId, false, [dto.clinicId]);
    const appointmentId = this.newId();
    const reason = dto.reason ? await this.sealer.seal(dto.patientId, dto.reason) : undefined;
    const { earliest, latest, reason: _, ...rest } = dto;
    await asHttp(() =>
      this.appointments.handle(
        appointmentId,
        {
          type: 'RequestAppointment',
          ...rest,
          appointmentId,
          window: { earliest, latest },
          ...(reason ? { reason } : {}),
          at: this.clock().toISOString(),
          by: actorOf(principal, SCHEDULING_ACTING_ROLES),
        },
        { metadata: { actor: principal.subject } },
      ),
    );
    return { appointmentId, status: 'proposed' };
  }
}
