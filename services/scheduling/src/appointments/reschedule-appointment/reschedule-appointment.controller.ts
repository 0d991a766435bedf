import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { AppointmentCommandRoute } from '../appointment-command.route';
import { AppointmentResponse } from '../appointment.response';
import { BOOKING_CONFLICTS } from '../appointment.docs';
import { AppointmentQuery } from '../appointment.query';
import {
  RESCHEDULE_APPOINTMENT_EXAMPLE,
  RescheduleAppointmentDto,
} from './reschedule-appointment.dto';
import { RescheduleAppointmentHandler } from './reschedule-appointment.handler';
import { ParseUuidParam } from '@thc/service-runtime';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class RescheduleAppointmentController {
  constructor(
    private readonly handler: RescheduleAppointmentHandler,
    private readonly appointments: AppointmentQuery,
  ) {}

  /** The appointment's patient or provider, or staff, move it to another slot. */
  @AppointmentCommandRoute({
    action: 'reschedule',
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    summary: 'Move an appointment to another slot',
    description:
      'Moves a booked appointment to another slot, with the same or another provider; the new time is checked like a booking. The old time stays held until the move is stored, so a refused move leaves the appointment where it was; the appointment keeps every earlier slot in `history`. An optional reason (free text) is stored sealed.',
    conflict: `The appointment is not booked (cancelled, or the visit took place or was missed), it changed at the same time, ${BOOKING_CONFLICTS}; or, with a reason, the patient's records were erased.`,
    unprocessable:
      'The visit ends before it starts or starts in the past, the new slot is the one already booked, or the appointment has no patient location on record and the move states none.',
    body: { type: RescheduleAppointmentDto, example: RESCHEDULE_APPOINTMENT_EXAMPLE },
    answer: 'The appointment, at its new slot',
  })
  reschedule(
    @Param('id', ParseUuidParam) id: string,
    @Body() dto: RescheduleAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    return this.appointments.answer(id, () => this.handler.execute(id, dto, principal));
  }
}
