import { Injectable } from '@nestjs/common';
import type { Session } from './domain/session.state';
import { SessionViews } from './infrastructure/session-views.projection';

/** One patient waiting for their provider. */
export interface WaitingPatient {
  readonly position: number;
  readonly sessionId: string;
  readonly appointmentId: string;
  readonly patientId: string;
  readonly scheduledStart: string;
  readonly arrivedAt: string;
  readonly waitingSeconds: number;
}

/** No one waits in a room for a visit that starts more than a day before or after now. */
const WAITING_HORIZON_MS = 24 * 3_600_000;

/**
 * The virtual waiting room of a provider: patients who arrived and are not yet admitted, in
 * order of arrival. Read from the session views.
 */
@Injectable()
export class WaitingRoom {
  constructor(private readonly views: SessionViews) {}

  /**
   * `clinicIds` bounds the room to those clinics in the query (staff see only the patients
   * waiting in clinics they cover); positions count only the patients shown.
   */
  async of(
    providerId: string,
    now: Date,
    clinicIds?: readonly string[],
  ): Promise<WaitingPatient[]> {
    const waiting = await this.views.list({
      providerId,
      ...(clinicIds === undefined ? {} : { clinicId: { $in: [...clinicIds] } }),
      status: { $in: ['scheduled', 'in-progress'] },
      // Bounds the read to the provider's recent and coming visits, not their years of history.
      // A range closed on both sides: the local server then reads it from the index too.
      startsAt: {
        $gte: new Date(now.getTime() - WAITING_HORIZON_MS),
        $lte: new Date(now.getTime() + WAITING_HORIZON_MS),
      },
      arrivedAt: { $exists: true },
      admittedAt: { $exists: false },
    });
    return waiting
      .filter((view): view is typeof view & { arrivedAt: string } => view.arrivedAt !== undefined)
      .sort((a, b) => Date.parse(a.arrivedAt) - Date.parse(b.arrivedAt))
      .map((view, index) => ({
        position: index + 1,
        sessionId: view.sessionId,
        appointmentId: view.appointmentId,
        patientId: view.patientId,
        scheduledStart: view.scheduledStart,
        arrivedAt: view.arrivedAt,
        waitingSeconds: Math.max(
          0,
          Math.round((now.getTime() - Date.parse(view.arrivedAt)) / 1000),
        ),
      }));
  }

  /** The patient's place in their provider's queue (1 = next). */
  async positionOf(session: Session, now: Date): Promise<number> {
    const queue = await this.of(session.providerId, now);
    return queue.find((entry) => entry.sessionId === session.sessionId)?.position ?? 1;
  }
}
