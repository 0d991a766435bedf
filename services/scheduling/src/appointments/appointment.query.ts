import { Injectable } from '@nestjs/common';
import { Principal } from '@thc/auth';
import { Aggregate } from '@thc/event-store';
import { AppointmentAccess, ensureAppointmentAccess, READ_ACCESS } from './appointment-access';
import { AppointmentResponse, toResponse } from './appointment.response';
import { asHttp } from './http-errors';
import { scheduledOrFail } from './scheduled-or-fail';
import type { AppointmentState, Scheduled } from './domain/appointment.state';
import { AppointmentRepository } from './infrastructure/appointment.repository';
import {
  AppointmentViewDocument,
  AppointmentViews,
  PatientAppointments,
} from './infrastructure/appointment-views.projection';
import { AppointmentProviderCare } from './provider-care';

/** One appointment as a caller may read it, with its stream version. */
export interface ReadAppointment {
  readonly appointment: Scheduled;
  readonly version: number;
}

/** The reads of appointments: one from its stream (the truth), lists from the views. */
@Injectable()
export class AppointmentQuery {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly views: AppointmentViews,
    private readonly care: AppointmentProviderCare,
  ) {}

  /**
   * The appointment as its stream stands now, for a caller `access` admits and, for a
   * provider, only within the care window (403 otherwise, 404 when there is none).
   */
  async one(
    id: string,
    principal: Principal,
    access: AppointmentAccess = READ_ACCESS,
  ): Promise<ReadAppointment> {
    const { state, version } = await this.appointments.load(id);
    const appointment = ensureAppointmentAccess(principal, state, access);
    await this.care.ensureCurrent(principal, appointment);
    return { appointment, version };
  }

  /**
   * Runs a command on the appointment (its domain errors answered as HTTP ones) and answers
   * with the appointment as the command left it, with the language its view keeps.
   */
  async answer(
    id: string,
    command: () => Promise<Aggregate<AppointmentState>>,
  ): Promise<AppointmentResponse> {
    const after = await asHttp(command);
    return toResponse(scheduledOrFail(after.state), after.version, await this.languageOf(id));
  }

  /** The interpreter's language, which only the appointment's view keeps. */
  languageOf(id: string): Promise<string | undefined> {
    return this.views.languageOf(id);
  }

  ofPatient(patientId: string, clinicIds?: readonly string[]): Promise<PatientAppointments> {
    return this.views.ofPatient(patientId, clinicIds);
  }

  forProvider(
    providerId: string,
    from: string,
    to: string,
    clinicIds?: readonly string[],
  ): Promise<AppointmentViewDocument[]> {
    return this.views.forProvider(providerId, from, to, clinicIds);
  }

  /** Whether these appointments (one provider's with one patient) keep the care current now. */
  careIsCurrent(appointments: readonly Scheduled[]): boolean {
    return this.care.isCurrent(appointments);
  }
}
