import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { AppointmentRepository } from '../shared/appointment.repository';
import { ensureAppointmentAccess, READ_ACCESS } from '../shared/appointment-access';
import { AppointmentViews } from '../shared/appointment-views.store';
import { FhirAppointment, toFhirAppointment } from './fhir-appointment';

const patientOf = (response: unknown): string[] =>
  (response as FhirAppointment).participant
    .map((p) => p.actor?.reference ?? '')
    .filter((reference) => reference.startsWith('Patient/'))
    .map((reference) => reference.slice('Patient/'.length));

/** FHIR R4 read view of an appointment, for EHR integrations. */
@ApiTags('fhir')
@ApiBearerAuth()
@Controller('fhir')
export class FhirAppointmentController {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly views: AppointmentViews,
  ) {}

  @Get('Appointment/:id')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @Header('Content-Type', 'application/fhir+json; charset=utf-8')
  @PhiRead({
    resource: 'Appointment',
    patients: patientOf,
    resourceId: (r) => (r as FhirAppointment).id,
  })
  @ApiProduces('application/fhir+json')
  @ApiOkResponse({ description: 'FHIR R4 Appointment' })
  async read(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FhirAppointment> {
    const { state, version } = await this.appointments.load(id);
    const appointment = ensureAppointmentAccess(principal, state, READ_ACCESS);
    return toFhirAppointment(appointment, version, await this.views.languageOf(id));
  }
}
