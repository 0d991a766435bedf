import type { Decider } from '@thc/event-store/decider';
import {
  DetectViolation,
  ViolationCommand,
  ViolationReviewCommand,
} from './violation-review.commands';
import {
  ViolationConflictError,
  ViolationNotFoundError,
  ViolationSelfReviewError,
} from './violation-review.errors';
import { VIOLATION_EVENT as E, ViolationEvent } from './violation-review.events';
import { ViolationState, initialViolationState } from './violation-review.state';

function detect(command: DetectViolation, state: ViolationState): ViolationEvent[] {
  // A finding judged again (redelivery, another instance) is the violation already recorded.
  if (state.status !== 'unknown') return [];
  return [{ type: E.detected, data: command.violation }];
}

function review(command: ViolationReviewCommand, state: ViolationState): ViolationEvent[] {
  if (state.status === 'unknown') throw new ViolationNotFoundError(command.violationId);
  // Separation of duties: whoever broke the rule can not close the case on it.
  if (command.by.kind === 'user' && command.by.userId === state.detected.actorId)
    throw new ViolationSelfReviewError();
  if (state.status === 'resolved')
    throw new ViolationConflictError('the violation is already resolved');
  const { patientId } = state.detected;
  const common = {
    violationId: command.violationId,
    ...(patientId ? { patientId } : {}),
    noteId: command.note.noteId,
    noteSha256: command.note.sha256,
  };
  if (command.type === 'ResolveViolation')
    return [
      { type: E.resolved, data: { ...common, resolvedAt: command.at, resolvedBy: command.by } },
    ];
  if (state.status === 'acknowledged')
    throw new ViolationConflictError('the violation is already acknowledged');
  return [
    {
      type: E.acknowledged,
      data: { ...common, acknowledgedAt: command.at, acknowledgedBy: command.by },
    },
  ];
}

function evolve(state: ViolationState, event: ViolationEvent): ViolationState {
  switch (event.type) {
    case E.detected:
      return { status: 'open', detected: event.data };
    case E.acknowledged:
      return state.status === 'open'
        ? { status: 'acknowledged', detected: state.detected, acknowledged: event.data }
        : state;
    case E.resolved:
      return state.status === 'open' || state.status === 'acknowledged'
        ? {
            status: 'resolved',
            detected: state.detected,
            ...(state.status === 'acknowledged' ? { acknowledged: state.acknowledged } : {}),
            resolved: event.data,
          }
        : state;
  }
}

/** A violation: its detection, then a privacy officer's follow-up (acknowledge, resolve). */
export const violationReviewDecider: Decider<ViolationState, ViolationCommand, ViolationEvent> = {
  decide: (command, state) =>
    command.type === 'DetectViolation' ? detect(command, state) : review(command, state),
  evolve,
  initialState: initialViolationState,
};
