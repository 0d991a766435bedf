import type { SessionEndedV1 } from '@thc/contracts';
import {
  localDateOf,
  wallClockInstant,
} from '../../services/scheduling/src/availability/domain/wall-clock';
import type { RecordPreVisitCheck } from '../../services/sessions/src/visits/domain/session.commands';
import { SESSION_EVENT } from '../../services/sessions/src/visits/domain/session.events';
import type { Slot } from './booking-planner';
import { HOUR_MS, MINUTE_MS } from './history-agenda';
import { iso } from './history-world';
import { inWorkingHours, recordRead } from './phi-reads';
import { planInVisit, VisitPeople } from './in-visit';
import { cancelOnTheDay } from './appointment-steps';
import { recordOutcome } from './service-reactions';
import { step, Story } from './story';
import { workIssue } from './troubleshooting';

/** sessions' default: a join link works until two hours after the start. */
const LINK_CLOSES_MS = 120 * MINUTE_MS;

/**
 * The day of the visit: join links from a coordinator, the patient's device check (a failed
 * one opens an issue a coordinator works), the provider reading the chart in the morning, then
 * arrivals, the consent gate at the start, and either the visit (`in-visit.ts`), a start refused
 * for want of consent (the coordinator then cancels), or a no-show of the patient or provider.
 */
export function planVisitDay(story: Story, slot: Slot, after: number): void {
  const { rng, timeline, booking, deps } = story;
  const { world } = deps;
  const start = slot.start;
  const people = participantsOf(story);
  const links = new Map<string, string>();
  const linksAt = Math.max(
    start - rng.between(30, 90) * MINUTE_MS,
    after + rng.between(30_000, 120_000),
  );
  timeline.at(linksAt, () => {
    people.all.forEach((person, i) => {
      const at = linksAt + i * 2_000;
      step(story, 'join link', () => {
        const linkId = world.id(`link:${booking.appointmentId}:${person.id}`);
        story.session.decide(
          {
            type: 'IssueJoinLink',
            linkId,
            participantId: person.id,
            expiresAt: iso(start + LINK_CLOSES_MS),
            at: iso(at),
            by: story.staff,
          },
          at,
          { actor: story.coordinator.id },
        );
        links.set(person.id, linkId);
      });
    });
  });
  const join = (participantId: string, media: 'video' | 'audio', at: number) =>
    timeline.at(at, () =>
      step(story, 'join', () => {
        const linkId = links.get(participantId);
        if (!linkId || story.session.state.status === 'ended') return;
        const connection =
          media === 'audio'
            ? rng.pick(['dial-in', 'app', 'browser'] as const)
            : rng.pick(['browser', 'app'] as const);
        story.session.decide({ type: 'JoinVisit', linkId, media, connection, at: iso(at) }, at, {
          actor: participantId,
        });
      }),
    );

  planChartReview(story, start, after);
  const checkAt = rng.chance(0.7)
    ? Math.max(linksAt + rng.between(1, 5) * MINUTE_MS, start - rng.between(5, 25) * MINUTE_MS)
    : undefined;
  if (checkAt !== undefined)
    timeline.at(checkAt, () => step(story, 'device check', () => deviceCheck(story, checkAt)));

  const media = booking.visitType === 'audio' ? 'audio' : 'video';
  const ready = linksAt + people.all.length * 2_000 + 30_000;
  const arrive = Math.max(ready, (checkAt ?? 0) + 30_000, start + rng.between(-10, 3) * MINUTE_MS);
  const providerJoin = Math.max(ready, start + rng.between(-2, 6) * MINUTE_MS);
  if (people.interpreter)
    join(people.interpreter, media, providerJoin + rng.between(0, 3) * MINUTE_MS);
  const outcome = rng.weighted([
    ['patient-no-show', 6],
    ['provider-no-show', 0.7],
    ['visit', 93.3],
  ] as const);

  if (outcome === 'patient-no-show') {
    join(people.provider, media, providerJoin);
    const endAt = Math.max(start, providerJoin) + rng.between(10, 20) * MINUTE_MS;
    timeline.at(endAt, () => end(story, 'patient-no-show', endAt, story.provider));
    return;
  }
  join(people.patient, media, arrive);
  if (outcome === 'provider-no-show') {
    const endAt = Math.max(start, arrive) + rng.between(20, 30) * MINUTE_MS;
    timeline.at(endAt, () => end(story, 'provider-no-show', endAt, story.staff));
    return;
  }
  join(people.provider, media, providerJoin);
  const startAt = providerJoin + rng.between(10_000, 90_000);
  timeline.at(startAt, () =>
    step(story, 'start', () => {
      const consent = deps.consents.standingAt(booking.patient.id, startAt);
      story.session.decide(
        // Visits of the history took place: licensure is the directory's record of today,
        // not decided again for the past.
        {
          type: 'StartSession',
          consent,
          licences: 'not-checked',
          at: iso(startAt),
          by: story.provider,
        },
        startAt,
        {
          actor: story.provider.userId,
        },
      );
      if (story.session.state.status === 'in-progress') {
        planInVisit(story, {
          people,
          media,
          arrive,
          startAt,
          join,
          end: (outcome, at) => end(story, outcome, at, story.provider),
        });
        return;
      }
      // Refused at the gate: the coordinator cancels the visit, which closes the session.
      const cancelAt = startAt + rng.between(2, 10) * MINUTE_MS;
      timeline.at(cancelAt, () => step(story, 'cancel at the gate', () => cancelOnTheDay(story)));
    }),
  );
}

function participantsOf(story: Story): VisitPeople {
  const { booking } = story;
  const extra = [
    ...(booking.interpreter ? [{ id: booking.interpreter.id }] : []),
    ...(booking.caregiverId ? [{ id: booking.caregiverId }] : []),
  ];
  return {
    patient: booking.patient.id,
    provider: booking.slot.provider.id,
    ...(booking.interpreter ? { interpreter: booking.interpreter.id } : {}),
    ...(booking.caregiverId ? { caregiver: booking.caregiverId } : {}),
    all: [{ id: booking.patient.id }, { id: booking.slot.provider.id }, ...extra],
  };
}

/** The session ends; scheduling records the outcome on the appointment a moment later. */
function end(
  story: Story,
  outcome: 'completed' | 'ended-technical-failure' | 'patient-no-show' | 'provider-no-show',
  at: number,
  by: Story['provider'],
): void {
  step(story, `end ${outcome}`, () => {
    if (story.session.state.status === 'ended') return;
    const events = story.session.decide({ type: 'EndSession', outcome, at: iso(at), by }, at, {
      actor: by.userId,
    });
    const ended = events.find((event) => event.type === SESSION_EVENT.ended);
    const endedId = story.session.lastIds[story.session.lastIds.length - 1];
    if (ended && endedId) recordOutcome(story, ended.data as SessionEndedV1, endedId);
  });
}

/**
 * The provider opens the appointment before the visit (a PHI read scheduling records): in the
 * morning of the visit day on their own clock, or shortly before the visit, during compliance's
 * working hours; a rare read in the middle of the night shows the after-hours rule at work.
 */
function planChartReview(story: Story, start: number, after: number): void {
  const { rng, timeline, booking, deps } = story;
  const zone = booking.slot.provider.timeZone;
  const morning =
    wallClockInstant(localDateOf(start, zone), '08:30', zone, 'first') +
    rng.between(0, 2 * HOUR_MS);
  const candidates = [morning, start - rng.between(5, 15) * MINUTE_MS];
  let at = candidates.find((t) => t > after + MINUTE_MS && t < start && inWorkingHours(t));
  if (rng.chance(0.002)) {
    const night = Math.floor(start / (24 * HOUR_MS)) * 24 * HOUR_MS + rng.between(1, 4) * HOUR_MS;
    if (night > after + MINUTE_MS && night < start) at = night;
  }
  if (at === undefined) return;
  const readAt = at;
  timeline.at(readAt, () => {
    if (story.appointment.state.status !== 'booked') return;
    recordRead(deps.world, {
      name: `chart:${booking.appointmentId}`,
      service: 'scheduling',
      actorId: booking.slot.provider.id,
      role: 'provider',
      patientId: booking.patient.id,
      resource: 'Appointment',
      resourceId: booking.appointmentId,
      purpose: 'treatment',
      at: readAt,
    });
  });
}

type CheckResult = RecordPreVisitCheck['checks']['camera'];

/** The patient's device and connection test; about one in fourteen fails and opens an issue. */
function deviceCheck(story: Story, at: number): void {
  const { rng, booking, deps } = story;
  const audio = booking.visitType === 'audio';
  const checks: Record<'camera' | 'microphone' | 'speaker' | 'network', CheckResult> = {
    camera: audio ? 'skipped' : 'pass',
    microphone: 'pass',
    speaker: 'pass',
    network: 'pass',
  };
  const parts = audio
    ? (['microphone', 'speaker', 'network'] as const)
    : (['camera', 'microphone', 'speaker', 'network'] as const);
  const r = rng.next();
  if (r < 0.07) checks[rng.pick(parts)] = 'fail';
  else if (r < 0.17) checks[rng.pick(parts)] = 'warn';
  const weak = checks.network !== 'pass';
  const issueId = deps.world.id(`issue:${booking.appointmentId}:check`);
  const events = story.session.decide(
    {
      type: 'RecordPreVisitCheck',
      participantId: booking.patient.id,
      checks,
      network: {
        downlinkKbps: Math.round(weak ? rng.between(300, 1200) : rng.between(5_000, 80_000)),
        uplinkKbps: Math.round(weak ? rng.between(100, 500) : rng.between(1_000, 20_000)),
        rttMs: Math.round(weak ? rng.between(150, 600) : rng.between(15, 120)),
      },
      client: {
        device: rng.weighted([
          ['desktop', 45],
          ['mobile', 45],
          ['tablet', 10],
        ] as const),
        browser: rng.weighted([
          ['chrome', 55],
          ['safari', 25],
          ['edge', 12],
          ['firefox', 6],
          ['other', 2],
        ] as const),
      },
      issueId,
      at: iso(at),
    },
    at,
    { actor: booking.patient.id },
  );
  if (events.some((event) => event.type === SESSION_EVENT.issueOpened))
    workIssue(story, issueId, at, ['grant-permissions', 'switch-device', 'reload-page']);
}
