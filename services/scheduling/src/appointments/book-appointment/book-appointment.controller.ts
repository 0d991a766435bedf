import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { randomUUID } from 'node:crypto';
import { AppointmentResponse, toResponse } from '../shared/appointment.response';
import { asHttp } from '../shared/http-errors';
import { scheduledOrFail } from '../shared/scheduled-or-fail';
import { BookAppointmentDto } from './book-appointment.dto';
import { BookAppointmentHandler } from './book-appointment.handler';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class BookAppointmentController {
  constructor(private readonly handler: BookAppointmentHandler) {}

  /** A patient books for themselves; coordinators and admins book for anyone. */
  @Post()
  @Roles('patient', 'coordinator', 'admin')
  @ApiCreatedResponse({ type: AppointmentResponse })
  @ApiConflictResponse({ description: 'time taken, credential not current, or slot not bookable' })
  async book(
    @Body() dto: BookAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    ensurePatientAccess(principal, dto.patientId);
    const { state, version } = await asHttp(() =>
      this.handler.execute({ ...dto, appointmentId: randomUUID(), fresh: true }, principal),
    );
    return toResponse(scheduledOrFail(state), version, dto.interpreter?.language);
  }
}
