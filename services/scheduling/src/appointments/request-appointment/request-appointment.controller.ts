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
import { CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '../appointments.settings';
import { BookRequestedAppointmentDto } from '../book-appointment/book-appointment.dto';
import { BookAppointmentHandler } from '../book-appointment/book-appointment.handler';
import { actorOf } from '../shared/actor';
import { AppointmentRepository } from '../shared/appointment.repository';
import { AppointmentResponse, toResponse } from '../shared/appointment.response';
import { asHttp, toHttpError } from '../shared/http-errors';
import { REASON_SEALER, ReasonSealer } from '../shared/reason-sealer';
import { scheduledOrFail } from '../shared/scheduled-or-fail';
import { RequestAppointmentDto } from './request-appointment.dto';
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
  @ApiCreatedResponse({ description: 'The request, status proposed' })
  async request(
    @Body() dto: RequestAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ appointmentId: string; status: 'proposed' }> {
    ensurePatientAccess(principal, dto.patientId);
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
          by: actorOf(principal),
        },
        { actor: principal.subject },
      ),
    );
    return { appointmentId, status: 'proposed' };
  }

  @Post(':id/book')
  @Roles('patient', 'coordinator', 'admin')
  @ApiCreatedResponse({ type: AppointmentResponse })
  async book(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: BookRequestedAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    const { state: request } = await this.appointments.load(id);
    if (request.status === 'none') throw new NotFoundException('no such appointment request');
    if (request.status !== 'proposed')
      throw toHttpError(new IllegalTransitionError('book the request of', request.status));
    ensurePatientAccess(principal, request.patientId);
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
