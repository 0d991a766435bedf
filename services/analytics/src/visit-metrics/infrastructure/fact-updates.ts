import type { EffectUpdate } from '@thc/messaging';
import type { MessageFact, ScheduleFact, StaffFact, VisitFact } from '../domain/event-facts';

type UpdatesOf<F extends { readonly kind: string }> = {
  readonly [K in F['kind']]: (fact: Extract<F, { readonly kind: K }>) => EffectUpdate;
};

/**
 * A visit fact as an update of the visit's document: a `$set` of the event's own facts, a `$min`
 * of a first time, or an `$inc` applied once per event id, so replays converge.
 */
const VISIT_UPDATES: UpdatesOf<VisitFact> = {
  booked: ({ clinicId, providerId, visitType, start, end, timeZone, bookedAt }) => ({
    $set: { clinicId, providerId, visitType, start, end, timeZone, bookedAt },
  }),
  rescheduled: ({ start, end, timeZone }) => ({ $set: { start, end, timeZone } }),
  cancelled: ({ cancelledAt, late }) => ({ $set: { cancelledAt, lateCancel: late } }),
  completed: ({ startedAt, endedAt }) => ({ $set: { completed: { startedAt, endedAt } } }),
  'no-show': ({ absent }) => ({ $set: { noShow: absent } }),
  'session-created': ({ clinicId, providerId, visitType, start, end }) => ({
    $set: { session: { clinicId, providerId, visitType, start, end } },
  }),
  arrived: ({ at }) => ({ $min: { arrivedAt: at } }),
  admitted: ({ at }) => ({ $min: { admittedAt: at } }),
  'provider-joined': ({ at }) => ({ $min: { providerJoinedAt: at } }),
  'session-started': ({ at }) => ({ $min: { sessionStartedAt: at } }),
  'session-ended': ({ outcome, startedAt, endedAt }) => ({
    $set: { sessionEnded: { outcome, ...(startedAt ? { startedAt } : {}), endedAt } },
  }),
  check: ({ failed }) => ({ $inc: { checks: 1, checksFailed: failed ? 1 : 0 } }),
  'audio-only': ({ at }) => ({ $min: { audioOnlyAt: at } }),
  'connection-sampled': ({ mosMilli, bin }) => ({
    $inc: { 'mos.n': 1, 'mos.sum': mosMilli, [`mos.${bin}`]: 1 },
  }),
  'issue-opened': ({ issueId, at }) => ({ $min: { [`issues.${issueId}.openedAt`]: at } }),
  'issue-resolved': ({ issueId, at }) => ({ $min: { [`issues.${issueId}.resolvedAt`]: at } }),
  surveyed: ({ byPatient, satisfaction, nps }) => ({
    $inc: {
      'survey.responses': 1,
      'survey.patientResponses': byPatient ? 1 : 0,
      'survey.satisfactionSum': satisfaction,
      'survey.topBox': satisfaction === 5 ? 1 : 0,
      'survey.promoters': nps >= 9 ? 1 : 0,
      'survey.detractors': nps <= 6 ? 1 : 0,
    },
  }),
  message: ({ messageId, reached }): EffectUpdate =>
    reached
      ? {
          $addToSet: { messageIds: messageId },
          $set: { [`reminders.${messageId}.${reached.channel}.${reached.mark}`]: true },
        }
      : { $addToSet: { messageIds: messageId } },
};

const STAFF_UPDATES: UpdatesOf<StaffFact> = {
  credentialed: ({ role, credentialedAt, validUntil }) => ({
    $set: { role, credentialedAt, validUntil, lapsedAt: null },
    $min: { firstSeenAt: credentialedAt },
  }),
  lapsed: ({ role, lapsedAt }) => ({ $set: { role, lapsedAt }, $min: { firstSeenAt: lapsedAt } }),
  enrolled: ({ role, enrolledAt }) => ({ $set: { role }, $min: { firstSeenAt: enrolledAt } }),
  'module-completed': ({ completedAt }) => ({ $min: { firstSeenAt: completedAt } }),
};

/** The update of its kind: the map gives each kind's function its own fact type. */
function updateBy<F extends { readonly kind: string }>(
  updates: UpdatesOf<F>,
  fact: F,
): EffectUpdate {
  return (updates[fact.kind as F['kind']] as (fact: F) => EffectUpdate)(fact);
}

/** The update of a visit's document (by appointment id) that one of its facts makes. */
export const visitUpdate = (fact: VisitFact): EffectUpdate => updateBy(VISIT_UPDATES, fact);

/** The update of a staff member's document that one of their facts makes. */
export const staffUpdate = (fact: StaffFact): EffectUpdate => updateBy(STAFF_UPDATES, fact);

/** A provider's schedule replaces the one before it, whole. */
export function scheduleUpdate({
  clinicId,
  timeZone,
  weeklyRules,
  exceptions,
  effectiveFrom,
}: ScheduleFact): EffectUpdate {
  return { $set: { clinicId, timeZone, weeklyRules, exceptions, effectiveFrom } };
}

/**
 * A message's outcome on its channel as a `$set` of that mark (the failure's reason code) and a
 * `$min` of the first outcome's time, so its events converge in any order.
 */
export function messageUpdate({
  messageKind,
  appointmentId,
  channel,
  outcome,
  at,
}: MessageFact): EffectUpdate {
  return {
    $set: {
      kind: messageKind,
      ...(appointmentId ? { appointmentId } : {}),
      [`channels.${channel}.${outcome.mark}`]: outcome.mark === 'failed' ? outcome.reason : true,
    },
    $min: { firstOutcomeAt: at },
  };
}
