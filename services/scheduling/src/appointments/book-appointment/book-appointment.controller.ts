import { Body, Controller, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ensurePatientAccess, Principal } from '@thc/auth';
import { ID_PROVIDER, IdProvider, invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';

import { AppointmentPhiRead } from '../appointment-phi-read';
import { AppointmentResponse, toResponse } from '../appointment.response';
import { APPOINTMENT_PHI, BOOKING_CONFLICTS, SLOT_RULES } from '../appointment.docs';
import { asHttp } from '../http-errors';
import { scheduledOrFail } from '../scheduled-or-fail';
import { BOOK_APPOINTMENT_EXAMPLE, BookAppointmentDto } from './book-appointment.dto';
import { BookAppointmentHandler } from './book-appointment.handler';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1/appointments')
export class BookAppointmentController {
  constructor(
    private readonly handler: BookAppointmentHandler,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  /** A patient books for themselves; coordinators and admins for anyone, in a clinic they cover. */
  @AppointmentPhiRead()
  @UseCaseRoute({
    method: 'POST',
    answer: { type: AppointmentResponse, description: 'The appointment, booked' },
    summary: 'Book a slot with a provider',
    description:
      "Books a free slot (see the slot search) for a patient: the provider's schedule must offer it for the visit type, the provider's telehealth credential must be current until the visit ends, and neither the provider nor the patient may have another visit at that time. An interpreter and a caregiver may join; a reminder contact gets the visit's reminders. A patient books only for themselves; a coordinator or admin books any patient, new or known, into a clinic they cover.",
    roles: ['patient', 'coordinator', 'admin'],
    phi: `the appointment: ${APPOINTMENT_PHI}`,
    errors: {
      400: invalidInputDoc({ body: true, purposeOfUse: true }),
      403: 'The role is not one of patient, coordinator, admin, a patient books for another patient, or a coordinator or admin books into a clinic they do not cover.',
      409: `The ${BOOKING_CONFLICTS}; or, with a reminder contact, the patient's records were erased.`,
      422: SLOT_RULES,
    },
    body: { type: BookAppointmentDto, example: BOOK_APPOINTMENT_EXAMPLE },
  })
  async book(
    @Body() dto: BookAppointmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    // The booking puts the patient in this clinic: staff who cover it reach the patient by it.
    ensurePatientAccess(principal, dto.patientId, false, [dto.clinicId]);
    const { state, version } = await asHttp(() =>
      this.handler.execute({ ...dto, appointmentId: this.newId(), fresh: true }, principal),
    );
    return toResponse(scheduledOrFail(state), version, dto.interpreter?.language);
  }
}
