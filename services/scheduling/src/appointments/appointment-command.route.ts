import { applyDecorators } from '@nestjs/common';
import { Role } from '@thc/auth';
import { invalidInputDoc, UseCaseDoc, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam } from '../openapi/api-docs';
import { APPOINTMENT_PHI, NO_SUCH_APPOINTMENT, NOT_YOURS_OR_CARE_ENDED } from './appointment.docs';
import { AppointmentPhiRead } from './appointment-phi-read';
import { AppointmentResponse } from './appointment.response';

/** What differs between the commands on one appointment. */
export interface AppointmentCommandDoc extends Pick<UseCaseDoc, 'summary' | 'description'> {
  /** The command's segment after `:id/`, e.g. `cancel`. */
  readonly action: string;
  readonly roles: readonly [Role, ...Role[]];
  readonly body: NonNullable<UseCaseDoc['body']>;
  /** PHI the answer discloses besides the appointment. */
  readonly morePhi?: string;
  /** Who is refused (403), when not the usual: not theirs, or the provider's care has ended. */
  readonly forbidden?: string;
  /** When the command does not fit the appointment (409). */
  readonly conflict: string;
  /** When it breaks a rule of times or participants (422), if it can. */
  readonly unprocessable?: string;
  /** What the answer is: the appointment, as the command left it. */
  readonly answer: string;
}

/**
 * A POST of a command on one appointment, answered (200) with the appointment as the command
 * left it, so each answer is recorded as a PHI read. Declared once so that every such route
 * documents the same id, validation and lookup errors.
 */
export function AppointmentCommandRoute(doc: AppointmentCommandDoc): MethodDecorator {
  return applyDecorators(
    AppointmentPhiRead(),
    UseCaseRoute({
      method: 'POST',
      path: `:id/${doc.action}`,
      status: 200,
      answer: { type: AppointmentResponse, description: doc.answer },
      summary: doc.summary,
      description: doc.description,
      roles: doc.roles,
      phi: `the appointment: ${APPOINTMENT_PHI}${doc.morePhi ? `; ${doc.morePhi}` : ''}`,
      errors: {
        400: invalidInputDoc({ ids: ['id'], body: true, purposeOfUse: true }),
        403: doc.forbidden ?? NOT_YOURS_OR_CARE_ENDED,
        404: NO_SUCH_APPOINTMENT,
        409: doc.conflict,
        ...(doc.unprocessable ? { 422: doc.unprocessable } : {}),
      },
      params: { id: uuidParam('appointmentId', 'The appointment') },
      body: doc.body,
    }),
  );
}
