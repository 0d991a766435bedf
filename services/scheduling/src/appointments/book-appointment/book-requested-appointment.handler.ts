import { Injectable, NotFoundException } from '@nestjs/common';
import { ensurePatientAccess, Principal } from '@thc/auth';
import { AppointmentResponse, toResponse } from '../appointment.response';
import { IllegalTransitionError } from '../domain/appointment.errors';
import { asHttp, toHttpError } from '../http-errors';
import { AppointmentRepository } from '../infrastructure/appointment.repository';
import { scheduledOrFail } from '../scheduled-or-fail';
import { BookRequestedAppointmentDto } from './book-appointment.dto';
import { BookAppointmentHandler } from './book-appointment.handler';

/** Books a slot for a requested appointment, as a booking of the request's patient and clinic. */
@Injectable()
export class BookRequestedAppointmentHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly booking: BookAppointmentHandler,
  ) {}

  async execute(
    id: string,
    dto: BookRequestedAppointmentDto,
    principal: Principal,
  ): Promise<AppointmentResponse> {
    const { state: request } = await this.appointments.load(id);
    if (request.status === 'none') throw new NotFoundException('no such appointment request');
    // Who may act comes first: a caller refused here learns nothing of what became of it.
    ensurePatientAccess(principal, request.patientId, false, [request.clinicId]);
    if (request.status !== 'proposed')
      throw toHttpError(new IllegalTransitionError('book the request of', request.status));
    const { patientId, clinicId, visitType } = request;
    const { state, version } = await asHttp(() =>
      this.booking.execute(
        { ...dto, appointmentId: id, patientId, clinicId, visitType },
        principal,
      ),
    );
    return toResponse(scheduledOrFail(state), version, dto.interpreter?.language);
  }
}
