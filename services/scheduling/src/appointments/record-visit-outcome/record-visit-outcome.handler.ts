import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { AppointmentAccess, ensureAppointmentAccess } from '../appointment-access';
import { AppointmentResponse, toResponse } from '../appointment.response';
import { AppointmentCommand } from '../domain/appointment.commands';
import { asHttp } from '../http-errors';
import { AppointmentRepository } from '../infrastructure/appointment.repository';
import { AppointmentViews } from '../infrastructure/appointment-views.projection';
import { AppointmentProviderCare } from '../provider-care';
import { scheduledOrFail } from '../scheduled-or-fail';

/** Records how a visit went (check-in, no-show, completed) for a caller `access` admits. */
@Injectable()
export class RecordVisitOutcomeHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly views: AppointmentViews,
    private readonly care: AppointmentProviderCare,
  ) {}

  async execute(
    id: string,
    principal: Principal,
    access: AppointmentAccess,
    command: AppointmentCommand,
  ): Promise<AppointmentResponse> {
    const { state, version } = await asHttp(async () => {
      // Loaded once here and handed on, so the care check costs no read of its own: a provider
      // records how a visit went, and gets the appointment back, only within the care window.
      const loaded = await this.appointments.load(id);
      await this.care.ensureCurrent(
        principal,
        ensureAppointmentAccess(principal, loaded.state, access),
      );
      return this.appointments.handle(id, command, {
        check: (current) => ensureAppointmentAccess(principal, current, access),
        metadata: { actor: principal.subject },
        loaded,
      });
    });
    return toResponse(scheduledOrFail(state), version, await this.views.languageOf(id));
  }
}
