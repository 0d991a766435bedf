import { deciderSpec } from '@thc/testing';
import { AcknowledgeViolation, ResolveViolation } from './violation-review.commands';
import { violationReviewDecider } from './violation-review.decider';
import {
  ViolationConflictError,
  ViolationNotFoundError,
  ViolationSelfReviewError,
} from './violation-review.errors';
import { VIOLATION_EVENT as E, ViolationEvent } from './violation-review.events';
import { initialViolationState } from './violation-review.state';
import { noteSha256 } from './violation-note';

const ids = {
  violation: '3e5a7c9f-1d4b-4b6c-8c9e-4a6c8e2b3c19',
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  officer: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  firstNote: '7c9e1b3d-5f7a-4c2e-9b4d-6f8a1c3e5b21',
  secondNote: '9e1b3d5f-7a9c-4e4a-8d6f-8a1c3e5b7d22',
};
const officer = { kind: 'user', userId: ids.officer, role: 'auditor' } as const;
const given = deciderSpec(violationReviewDecider);

const detected: ViolationEvent = {
  type: E.detected,
  data: {
    violationId: ids.violation,
    rule: 'access-without-care-relationship',
    severity: 'high',
    patientId: ids.patient,
    evidenceEventIds: ['5a7c9e2b-3f6d-4d8e-9e2a-6c8e2a4d5e20'],
    detectedAt: '2026-03-02T14:11:31Z',
  },
};
/** A step of the officer's review, with the note it refers to. */
const byOfficer = (noteId: string, text: string, at: string) => ({
  violationId: ids.violation,
  note: { noteId, sha256: noteSha256(text) },
  at,
  by: officer,
});
const acknowledge: AcknowledgeViolation = {
  type: 'AcknowledgeViolation',
  ...byOfficer(ids.firstNote, 'asked the provider why', '2026-03-02T15:00:00Z'),
};
const resolve: ResolveViolation = {
  type: 'ResolveViolation',
  ...byOfficer(ids.secondNote, 'covering for a colleague; documented', '2026-03-03T09:30:00Z'),
};

/** What every review event records of its command: the violation, its patient, the note. */
const recorded = ({ note }: AcknowledgeViolation | ResolveViolation) => ({
  violationId: ids.violation,
  patientId: ids.patient,
  noteId: note.noteId,
  noteSha256: note.sha256,
});
const acknowledged: ViolationEvent = {
  type: E.acknowledged,
  data: { ...recorded(acknowledge), acknowledgedAt: acknowledge.at, acknowledgedBy: officer },
};
const resolved: ViolationEvent = {
  type: E.resolved,
  data: { ...recorded(resolve), resolvedAt: resolve.at, resolvedBy: officer },
};

describe('violation review decider', () => {
  it('acknowledges an open violation with the note by reference', () =>
    given([detected]).when(acknowledge).then([acknowledged]));

  it('resolves an acknowledged violation', () =>
    given([detected, acknowledged]).when(resolve).then([resolved]));

  it('resolves an open violation directly (a false alarm needs no acknowledgement)', () =>
    given([detected]).when(resolve).then([resolved]));

  it('leaves the patient out of the follow-up when the violation names none', () => {
    const { patientId: _, ...withoutPatient } = detected.data;
    const { patientId: __, ...data } = acknowledged.data;
    given([{ type: E.detected, data: withoutPatient }])
      .when(acknowledge)
      .then([{ type: E.acknowledged, data }]);
  });

  it.each([
    ['acknowledge twice', [detected, acknowledged], acknowledge, 'already acknowledged'],
    ['acknowledge a resolved violation', [detected, resolved], acknowledge, 'already resolved'],
    ['resolve twice', [detected, acknowledged, resolved], resolve, 'already resolved'],
  ] as const)('refuses to %s', (_, history, command, reason) =>
    given(history)
      .when(command)
      .then(new ViolationConflictError(`the violation is ${reason}`)),
  );

  it.each([acknowledge, resolve])(
    'refuses $type by the officer whose own read the violation is about',
    (command) => {
      const own: ViolationEvent = {
        type: E.detected,
        data: { ...detected.data, actorId: ids.officer },
      };
      given([own]).when(command).then(ViolationSelfReviewError);
      given([own, { ...acknowledged }])
        .when({ ...resolve })
        .then(ViolationSelfReviewError);
    },
  );

  it('lets another officer review it', () =>
    given([{ type: E.detected, data: { ...detected.data, actorId: ids.patient } }])
      .when(acknowledge)
      .then([acknowledged]));

  it.each([acknowledge, resolve])('refuses $type on an unknown violation', (command) =>
    given([]).when(command).then(ViolationNotFoundError),
  );

  it('keeps the acknowledgement once resolved', () => {
    const state = [detected, acknowledged, resolved].reduce(
      violationReviewDecider.evolve,
      initialViolationState(),
    );
    expect(state).toMatchObject({
      status: 'resolved',
      acknowledged: acknowledged.data,
      resolved: resolved.data,
    });
  });
});
