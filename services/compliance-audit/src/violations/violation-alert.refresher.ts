import { Injectable } from '@nestjs/common';
import { VIOLATION_EVENT } from './domain/violation-review.events';
import { ViolationState } from './domain/violation-review.state';
import { AlertDocument, AlertReview, ViolationAlerts } from './violation-alerts.projection';
import { ViolationNotes } from './violation-notes.projection';
import { ViolationRepository } from './violation.repository';

type Reviewed = Exclude<ViolationState, { status: 'unknown' }>;

const REVIEW_EVENTS: ReadonlySet<string> = new Set([
  VIOLATION_EVENT.acknowledged,
  VIOLATION_EVENT.resolved,
]);

const MAX_ATTEMPTS = 5;

function alertOf(state: Reviewed, version: number, notes: Map<string, string>): AlertDocument {
  const review = (at: string, by: AlertReview['by'], noteId: string): AlertReview => {
    const note = notes.get(noteId);
    return { at, by, noteId, ...(note === undefined ? {} : { note }) };
  };
  const acknowledged = state.status === 'open' ? undefined : state.acknowledged;
  const resolved = state.status === 'resolved' ? state.resolved : undefined;
  return {
    ...state.detected,
    _id: state.detected.violationId,
    status: state.status,
    ...(acknowledged
      ? {
          acknowledgement: review(
            acknowledged.acknowledgedAt,
            acknowledged.acknowledgedBy,
            acknowledged.noteId,
          ),
        }
      : {}),
    ...(resolved
      ? { resolution: review(resolved.resolvedAt, resolved.resolvedBy, resolved.noteId) }
      : {}),
    version,
  };
}

/**
 * Keeps a violation's alert in step with its stream. It always writes the state of the whole
 * stream, never one event's change, so a late or repeated refresh cannot undo a newer step; and
 * it checks the stream again after writing, because on FerretDB two writes to one document are
 * not ordered by a condition, so an older state written last is written over once more.
 */
@Injectable()
export class ViolationAlertRefresher {
  constructor(
    private readonly violations: ViolationRepository,
    private readonly notes: ViolationNotes,
    private readonly alerts: ViolationAlerts,
  ) {}

  async refresh(violationId: string): Promise<AlertDocument | undefined> {
    let alert: AlertDocument | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { state, version } = await this.violations.load(violationId);
      if (state.status === 'unknown') return undefined;
      const noteIds = [
        ...(state.status === 'open' ? [] : [state.acknowledged?.noteId]),
        ...(state.status === 'resolved' ? [state.resolved.noteId] : []),
      ].filter((id): id is string => id !== undefined);
      alert = await this.alerts.write(alertOf(state, version, await this.notes.texts(noteIds)));
      if ((await this.violations.load(violationId)).version === version) return alert;
    }
    return alert;
  }

  /**
   * Repairs alerts from the review events the service consumes back from its own topic: a
   * request that stored its event but stopped before writing the alert is caught up here.
   */
  async refreshFrom(
    events: readonly { readonly type: string; readonly data: unknown }[],
  ): Promise<void> {
    const ids = new Set(
      events
        .filter((event) => REVIEW_EVENTS.has(event.type))
        .map((event) => (event.data as { violationId?: unknown } | null)?.violationId)
        .filter((id): id is string => typeof id === 'string'),
    );
    for (const id of ids) await this.refresh(id);
  }
}
