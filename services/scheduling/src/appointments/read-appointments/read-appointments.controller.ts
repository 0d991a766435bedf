import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Header,
  Headers,
  Inject,
  Param,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  clinicFilterOf,
  CurrentPrincipal,
  ensurePatientAccess,
  hasAnyRole,
  Principal,
} from '@thc/auth';
import {
  ApiPurposeOfUse,
  CLOCK,
  Clock,
  invalidInputDoc,
  ParseUuidParam,
  PhiAccessRecorder,
  PhiRead,
  purposeOfUse,
  textAnswer,
  UseCaseRoute,
} from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import { appointmentIcs } from './appointment.ics';
import { AppointmentQuery } from '../appointment.query';
import { AppointmentResponse, toResponse } from '../appointment.response';
import { APPOINTMENT_PHI, NO_SUCH_APPOINTMENT, NOT_YOURS_OR_CARE_ENDED } from '../appointment.docs';
import { ProviderRangeQuery } from './provider-range.query';

const patientsOf = (response: unknown): string[] =>
  (Array.isArray(response) ? response : [response]).map(
    (appointment) => (appointment as AppointmentResponse).patientId,
  );

/** Reads of appointments; every one that returns patient data is recorded as PhiAccessed. */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('api/v1')
export class ReadAppointmentsController {
  constructor(
    private readonly appointments: AppointmentQuery,
    private readonly recorder: PhiAccessRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** From the event store (the truth), so a read right after a change sees it. */
  @PhiRead({
    resource: 'Appointment',
    patients: patientsOf,
    resourceId: (r) => (r as AppointmentResponse).appointmentId,
  })
  @UseCaseRoute({
    method: 'GET',
    path: 'appointments/:id',
    answer: AppointmentResponse,
    summary: 'Read an appointment',
    description:
      'The appointment as its event stream stands now, so a read right after a change sees it. A provider reads only the appointments they hold, and only until CARE_RELATIONSHIP_DAYS (default 90) after their last visit with the patient (a cancelled visit counts until its cancellation). Each read is recorded as a PHI access, with the purpose stated in `X-Purpose-Of-Use` (default: the usual purpose of the role).',
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: `the appointment: ${APPOINTMENT_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['id'], purposeOfUse: true }),
      403: NOT_YOURS_OR_CARE_ENDED,
      404: NO_SUCH_APPOINTMENT,
    },
    params: { id: uuidParam('appointmentId', 'The appointment') },
  })
  async read(
    @Param('id', ParseUuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    const { appointment, version } = await this.appointments.one(id, principal);
    return toResponse(appointment, version, await this.appointments.languageOf(id));
  }

  /**
   * The calendar file. Text, not JSON, so the PHI read is recorded here rather than by
   * `@PhiRead` (which reads patient ids from a JSON response); recorded before it is sent.
   */
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="appointment.ics"')
  @UseCaseRoute({
    method: 'GET',
    path: 'appointments/:id/calendar.ics',
    answer: textAnswer('text/calendar', 'iCalendar (RFC 5545) event in UTC'),
    summary: 'Download an appointment as a calendar file',
    description:
      'The appointment as an iCalendar (RFC 5545) event in UTC, to add to a calendar. A provider downloads it only within the care window, as for the read. The download is recorded as a PHI export, with the purpose stated in `X-Purpose-Of-Use` (default: the usual purpose of the role).',
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: 'the visit time, type and status, and the appointment id (no names, no patient id)',
    errors: {
      400: invalidInputDoc({ ids: ['id'], purposeOfUse: true }),
      403: NOT_YOURS_OR_CARE_ENDED,
      404: NO_SUCH_APPOINTMENT,
    },
    params: { id: uuidParam('appointmentId', 'The appointment') },
  })
  @ApiPurposeOfUse()
  @ApiProduces('text/calendar')
  async calendar(
    @Param('id', ParseUuidParam) id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-purpose-of-use') purpose?: string,
  ): Promise<StreamableFile> {
    const stated = purposeOfUse(purpose, principal);
    const { appointment, version } = await this.appointments.one(id, principal);
    await this.recorder.record({
      principal,
      patientIds: [appointment.patientId],
      resource: 'Appointment',
      resourceId: id,
      action: 'export',
      purpose: stated,
      at: this.clock(),
    });
    return new StreamableFile(Buffer.from(appointmentIcs(appointment, version, this.clock())));
  }

  /** A patient's own appointments; a provider sees only those with them. */
  @PhiRead({ resource: 'Appointment', patients: patientsOf, action: 'search' })
  @UseCaseRoute({
    method: 'GET',
    path: 'patients/:patientId/appointments',
    answer: [AppointmentResponse],
    summary: "List a patient's appointments",
    description:
      "Every appointment of the patient, whatever its status. A patient lists only their own; a provider sees only the patient's appointments with them, and none at all without one or once CARE_RELATIONSHIP_DAYS (default 90) have passed since the last visit; coordinators and admins see those in the clinics they cover, and reach a patient only through an appointment in one of them. The list is recorded as a PHI access.",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: `every appointment listed: ${APPOINTMENT_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['patientId'], purposeOfUse: true }),
      403: 'The role is not one admitted here, a patient asks for another patient, a provider has no appointment with this patient, or the care window after the last one has closed, a coordinator or admin covers no clinic the patient has an appointment in, or X-Purpose-Of-Use names a purpose the role may not use.',
    },
    params: { patientId: uuidParam('patientId', 'The patient (the `sub` of their token)') },
  })
  async forPatient(
    @Param('patientId', ParseUuidParam) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse[]> {
    const staff = hasAnyRole(principal, ['coordinator', 'admin']);
    const self = principal.roles.includes('patient') && principal.subject === patientId;
    // Staff see the patient's appointments in the clinics they cover, bounded in the query.
    const scope = staff && !self ? clinicFilterOf(principal) : undefined;
    const { views, clinicIds } = await this.appointments.ofPatient(patientId, scope);
    // A provider's care relationship is an appointment with them: they see only those, and
    // only until the care window after the last visit has closed.
    const visible = staff || self ? views : views.filter((v) => v.providerId === principal.subject);
    const care = this.appointments.careIsCurrent(visible);
    ensurePatientAccess(principal, patientId, care, clinicIds);
    return visible.map((view) => toResponse(view, view.version, view.interpreterLanguage));
  }

  /** A provider's appointments overlapping [from, to), at most 62 days. */
  @PhiRead({ resource: 'Appointment', patients: patientsOf, action: 'search' })
  @UseCaseRoute({
    method: 'GET',
    path: 'providers/:providerId/appointments',
    answer: [AppointmentResponse],
    summary: "List a provider's appointments in a time range",
    description:
      "The provider's appointments that overlap [from, to), at most 62 days, for a day or week view. A provider lists only their own; coordinators and admins see only those in the clinics they cover. The list is recorded as a PHI access.",
    roles: ['provider', 'coordinator', 'admin'],
    phi: `every appointment listed: ${APPOINTMENT_PHI}`,
    errors: {
      400: invalidInputDoc({
        ids: ['providerId'],
        query: true,
        purposeOfUse: true,
        also: '`to` is not after `from`, or more than 62 days later',
      }),
      403: 'The role is not one admitted here, or a provider asks for another provider.',
    },
    params: { providerId: uuidParam('providerId', 'The provider (the `sub` of their token)') },
  })
  async forProvider(
    @Param('providerId', ParseUuidParam) providerId: string,
    @Query() range: ProviderRangeQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse[]> {
    if (!hasAnyRole(principal, ['coordinator', 'admin']) && principal.subject !== providerId)
      throw new ForbiddenException('providers can list only their own appointments');
    const span = Date.parse(range.to) - Date.parse(range.from);
    if (!(span > 0) || span > 62 * 86_400_000)
      throw new BadRequestException('to must be after from, at most 62 days later');
    // Staff see the provider's visits in the clinics they cover: a provider may work in several.
    const scope = hasAnyRole(principal, ['coordinator', 'admin'])
      ? clinicFilterOf(principal)
      : undefined;
    const views = await this.appointments.forProvider(providerId, range.from, range.to, scope);
    return views.map((view) => toResponse(view, view.version, view.interpreterLanguage));
  }
}
