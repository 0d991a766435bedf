import {
  Body,
  Controller,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { ApiUseCase, Clock, CLOCK, invalidInputDoc } from '@thc/service-runtime';
import { randomUUID } from 'node:crypto';
import { SCHEDULING_ACTING_ROLES } from '../appointments.settings';
import {
  BOOK_REQUESTED_APPOINTMENT_EXAMPLE,
  BookRequestedAppointmentDto,
} from '../book-appointment/book-appointment.dto';
import { uuidParam } from '../../openapi/api-docs';
import { BookAppointmentHandler } from '../book-appointment/book-appointment.handler';
import { AppointmentRepository } from '../shared/appointment.repository';
import { AppointmentResponse, toResponse } from '../shared/appointment.response';
import { APPOINTMENT_PHI, BOOKING_CONFLICTS, SLOT_RULES } from '../shared/appointment.docs';
import { asHttp, toHttpError } from '../shared/http-errors';
import { REASON_SEALER, ReasonSealer } from '../shared/reason-sealer';
import { scheduledOrFail } from '../shared/scheduled-or-fail';
import { REQUEST_APPOINTMENT_EXAMPLE, RequestAppointmentDto } from './request-appointment.dto';
import { IllegalTransitionError } from '../domain/appointment.errors';

/** The request-then-book path: a patient asks for a window, a coordinator books a slot in it. */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointment-requests')
export class RequestAppointmentController {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly booking: BookAppointmentHandler,
    @Inject(REASON_SEALER) private readonly sealer: ReasonSealer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('patient', 'coordinator', 'admin')
  @ApiUseCase({
    summary: 'Request an appointment in a time window',
    description:
      'A patient asks for a visit some time in a window, optionally with a preferred provider and a reason (free text, stored sealed); a coordinator then books a slot in it. A patient requests only for themselves; a coordinator or admin for any patient, in a clinic they cover.',
    roles: ['patient', 'coordinator', 'admin'],
    phi: "none: the new request's id and its status `proposed`",
    errors: {
      400: invalidInputDoc({ body: true }),
      403: 'The role is not one of patient, coordinator, admin, a patient requests for another patient, or a coordinator or admin requests in a clinic they do not cover.',
      409: "With a reason, the patient's records were erased.",
      422: 'The window ends before it starts, or ends in the past.',
    },
    body: { type: RequestAppointmentDto, example: REQUEST_APPOINTMENT_EXAMPLE },
  })
  @ApiCreatedResponse({ description: 'The request, status proposed' })
  async request(
    @Body() dto: RequestAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ appointmentId: string; status: 'proposed' }> {
    ensurePatientAccess(principal, dto.patientId, false, [dto.clinicId]);
    const appointmentId = randomUUID();
    const reason = dto.reason ? await this.sealer.seal(dto.patientId, dto.reason) : undefined;
    const { earliest, latest, reason: _, ...rest } = dto;
    await asHttp(() =>
      this.appointments.handle(
        appointmentId,
        () => undefined,
        {
          type: 'RequestAppointment',
          ...rest,
          appointmentId,
          window: { earliest, latest },
          ...(reason ? { reason } : {}),
          at: this.clock().toISOString(),
          by: actorOf(principal, SCHEDULING_ACTING_ROLES),
        },
        { actor: principal.subject },
      ),
    );
    return { appointmentId, status: 'proposed' };
  }

  @Post(':id/book')
  @Roles('patient', 'coordinator', 'admin')
  @ApiUseCase({
    summary: 'Book a slot for an appointment request',
    description:
      "Books a slot for a requested appointment, as a booking of the request's patient, clinic and visit type; the same checks as any booking apply. A patient books only their own request; a coordinator or admin only a request in a clinic they cover.",
    roles: ['patient', 'coordinator', 'admin'],
    phi: `the appointment: ${APPOINTMENT_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['id'], body: true }),
      403: "The role is not one of patient, coordinator, admin, a patient books another patient's request, or a coordinator or admin one in a clinic they do not cover.",
      404: 'No appointment request with this id.',
      409: `The request is booked already, or ${BOOKING_CONFLICTS}.`,
      422: SLOT_RULES,
    },
    params: { id: uuidParam('appointmentId', 'The appointment request') },
    body: { type: BookRequestedAppointmentDto, example: BOOK_REQUESTED_APPOINTMENT_EXAMPLE },
  })
  @ApiCreatedResponse({ type: AppointmentResponse, description: 'The appointment, booked' })
  async book(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: BookRequestedAppointmentDto,
    @CurrentPrincipal() principal: Principal,
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
