import type { AppointmentCommand } from '../../services/scheduling/src/appointments/domain/appointment.commands';
import {
  AppointmentRuleError,
  IllegalTransitionError as AppointmentTransitionError,
} from '../../services/scheduling/src/appointments/domain/appointment.errors';
import type { AppointmentEvent } from '../../services/scheduling/src/appointments/domain/appointment.events';
import type { AppointmentState } from '../../services/scheduling/src/appointments/domain/appointment.state';
import type { SessionCommand } from '../../services/sessions/src/visits/domain/session.commands';
import {
  IllegalTransitionError as SessionTransitionError,
  LinkRefusedError,
  SessionRuleError,
} from '../../services/sessions/src/visits/domain/session.errors';
import type { SessionEvent } from '../../services/sessions/src/visits/domain/session.events';
import type { SessionState } from '../../services/sessions/src/visits/domain/session.state';
import type { BookingPlanner, Slot, VisitType } from './booking-planner';
import type { ConsentHistory } from './consents.history';
import type { Timeline } from './history-agenda';
import type { HistoryRandom } from './history-random';
import type { HistoryPatient, HistoryRoster, StaffMember } from './history-roster';
import type { HistoryWorld, StreamWriter } from './history-world';
import type { TrainingHistory } from './training.history';

export interface VisitDeps {
  readonly world: HistoryWorld;
  readonly roster: HistoryRoster;
  readonly consents: ConsentHistory;
  readonly training: TrainingHistory;
  readonly planner: BookingPlanner;
  /** Commands the services would have refused, counted rather than stored. */
  readonly refused: { count: number; first?: string };
}

export interface Booking {
  readonly appointmentId: string;
  readonly patient: HistoryPatient;
  readonly slot: Slot;
  readonly visitType: VisitType;
  readonly bookedAt: number;
  /** Booked by the patient in the portal, else by a coordinator. */
  readonly byPatient: boolean;
  /** Asked for first (an appointment request), then booked. */
  readonly requestedAt?: number;
  readonly interpreter?: StaffMember;
  readonly caregiverId?: string;
}

export type AppointmentWriter = StreamWriter<
  AppointmentState,
  AppointmentCommand,
  AppointmentEvent
>;
export type SessionWriter = StreamWriter<SessionState, SessionCommand, SessionEvent>;
export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly role: 'patient' | 'provider' | 'coordinator';
}

/** What the parts of one visit's story share: its booking, its clock, its two streams. */
export interface Story {
  readonly deps: VisitDeps;
  readonly booking: Booking;
  readonly rng: HistoryRandom;
  readonly timeline: Timeline;
  readonly appointment: AppointmentWriter;
  readonly session: SessionWriter;
  readonly sessionId: string;
  readonly coordinator: StaffMember;
  readonly patient: UserActor;
  readonly provider: UserActor;
  readonly staff: UserActor;
}

/** Runs a step of a story; a command its service would refuse is counted and skipped. */
export function step(story: Story, name: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    const refused = [
      AppointmentRuleError,
      AppointmentTransitionError,
      SessionRuleError,
      SessionTransitionError,
      LinkRefusedError,
    ].some((kind) => error instanceof kind);
    if (!refused) throw error;
    story.deps.refused.count += 1;
    story.deps.refused.first ??= `${name}: ${(error as Error).message}`;
  }
}

/** `{ [key]: value }` when there is a value: optional fields are left out, never undefined. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
