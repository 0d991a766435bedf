import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  Header,
  Headers,
  Inject,
  Param,
  ParseUUIDPipe,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ensurePatientAccess, hasAnyRole, Principal, Roles } from '@thc/auth';
import { PhiAccessRecorder, PhiRead, purposeOfUse } from '@thc/service-runtime';
import { CLOCK, Clock } from '../appointments.settings';
import { appointmentIcs } from '../calendar/appointment.ics';
import { AppointmentRepository } from '../shared/appointment.repository';
import { ensureAppointmentAccess, READ_ACCESS } from '../shared/appointment-access';
import { AppointmentResponse, toResponse } from '../shared/appointment.response';
import { AppointmentViews } from '../shared/appointment-views.store';
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
    private readonly appointments: AppointmentRepository,
    private readonly views: AppointmentViews,
    private readonly recorder: PhiAccessRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** From the event store (the truth), so a read right after a change sees it. */
  @Get('appointments/:id')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @PhiRead({
    resource: 'Appointment',
    patients: patientsOf,
    resourceId: (r) => (r as AppointmentResponse).appointmentId,
  })
  @ApiOkResponse({ type: AppointmentResponse })
  async read(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse> {
    const { state, version } = await this.appointments.load(id);
    const appointment = ensureAppointmentAccess(principal, state, READ_ACCESS);
    return toResponse(appointment, version, await this.views.languageOf(id));
  }

  /**
   * The calendar file. Text, not JSON, so the PHI read is recorded here rather than by
   * `@PhiRead` (which reads patient ids from a JSON response); recorded before it is sent.
   */
  @Get('appointments/:id/calendar.ics')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="appointment.ics"')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545) event in UTC' })
  async calendar(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-purpose-of-use') purpose?: string,
  ): Promise<StreamableFile> {
    const stated = purposeOfUse(purpose, principal);
    const { state, version } = await this.appointments.load(id);
    const appointment = ensureAppointmentAccess(principal, state, READ_ACCESS);
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
  @Get('patients/:patientId/appointments')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @PhiRead({ resource: 'Appointment', patients: patientsOf, action: 'search' })
  @ApiOkResponse({ type: [AppointmentResponse] })
  async forPatient(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse[]> {
    const views = await this.views.forPatient(patientId);
    const staff = hasAnyRole(principal, ['coordinator', 'admin']);
    const self = principal.roles.includes('patient') && principal.subject === patientId;
    // A provider's care relationship is an appointment with them: they see only those.
    const visible = staff || self ? views : views.filter((v) => v.providerId === principal.subject);
    ensurePatientAccess(principal, patientId, visible.length > 0);
    return visible.map((view) => toResponse(view, view.version, view.interpreterLanguage));
  }

  /** A provider's appointments overlapping [from, to), at most 62 days. */
  @Get('providers/:providerId/appointments')
  @Roles('provider', 'coordinator', 'admin')
  @PhiRead({ resource: 'Appointment', patients: patientsOf, action: 'search' })
  @ApiOkResponse({ type: [AppointmentResponse] })
  async forProvider(
    @Param('providerId', ParseUUIDPipe) providerId: string,
    @Query() range: ProviderRangeQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentResponse[]> {
    if (!hasAnyRole(principal, ['coordinator', 'admin']) && principal.subject !== providerId)
      throw new ForbiddenException('providers can list only their own appointments');
    const span = Date.parse(range.to) - Date.parse(range.from);
    if (!(span > 0) || span > 62 * 86_400_000)
      throw new BadRequestException('to must be after from, at most 62 days later');
    const views = await this.views.forProvider(providerId, range.from, range.to);
    return views.map((view) => toResponse(view, view.version, view.interpreterLanguage));
  }
}
