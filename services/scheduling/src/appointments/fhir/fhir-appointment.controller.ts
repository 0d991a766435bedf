import { Controller, Header, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import {
  fhirAnswer,
  invalidInputDoc,
  ParseUuidParam,
  PhiRead,
  UseCaseRoute,
} from '@thc/service-runtime';
import { DIRECTORY_READER, DirectoryReader } from '../../directory/directory.port';
import { uuidParam } from '../../openapi/api-docs';
import { NO_SUCH_APPOINTMENT, NOT_YOURS_OR_CARE_ENDED } from '../appointment.docs';
import { AppointmentQuery } from '../appointment.query';
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
    private readonly appointments: AppointmentQuery,
    @Inject(DIRECTORY_READER) private readonly directory: DirectoryReader,
  ) {}

  @Header('Content-Type', 'application/fhir+json; charset=utf-8')
  @PhiRead({
    resource: 'Appointment',
    patients: patientOf,
    resourceId: (r) => (r as FhirAppointment).id,
  })
  @UseCaseRoute({
    method: 'GET',
    path: 'Appointment/:id',
    answer: fhirAnswer('Appointment'),
    summary: 'Read an appointment as a FHIR R4 Appointment',
    description:
      'The appointment as a FHIR R4 Appointment resource (`application/fhir+json`), for EHR integrations: status, start and end, service type, the patient, provider, interpreter and caregiver as participants, and the clinic as a Location participant; the provider, interpreter and clinic carry the names the directory gives them (`display`; none for one the directory does not list, and never a patient name). A provider reads it only within the care window, as for the appointment read. Each read is recorded as a PHI access.',
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: 'the FHIR Appointment: patient, practitioner and other participant references, the names of the staff and the clinic, time, status and service type',
    errors: {
      400: invalidInputDoc({ ids: ['id'], purposeOfUse: true }),
      403: NOT_YOURS_OR_CARE_ENDED,
      404: NO_SUCH_APPOINTMENT,
    },
    params: { id: uuidParam('appointmentId', 'The appointment') },
  })
  @ApiProduces('application/fhir+json')
  async read(
    @Param('id', ParseUuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FhirAppointment> {
    const { appointment, version } = await this.appointments.one(id, principal);
    const staffIds = appointment.participants
      .filter((p) => p.role === 'provider' || p.role === 'interpreter')
      .map((p) => p.participantId);
    // Side by side: the interpreter's language, the staff's names (one read), the clinic's.
    const [language, staff, clinics] = await Promise.all([
      this.appointments.languageOf(id),
      this.directory.staffNames(staffIds),
      this.directory.clinicNames([appointment.clinicId]),
    ]);
    const clinic = clinics.get(appointment.clinicId);
    return toFhirAppointment(appointment, version, language, {
      staff,
      ...(clinic ? { clinic } : {}),
    });
  }
}
