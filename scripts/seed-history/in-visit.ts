import { SESSION_EVENT } from '../../services/sessions/src/visits/domain/session.events';
import { MINUTE_MS } from './history-agenda';
import type { HistoryRandom } from './history-random';
import { iso } from './history-world';
import { optional, step, Story } from './story';
import { workIssue } from './troubleshooting';

/** How often each participant's client reports its connection. */
const SAMPLE_EVERY_MS = 120_000;

export interface VisitPeople {
  readonly patient: string;
  readonly provider: string;
  readonly interpreter?: string;
  readonly caregiver?: string;
  readonly all: readonly { readonly id: string }[];
}

export interface VisitStart {
  readonly people: VisitPeople;
  readonly media: 'video' | 'audio';
  readonly arrive: number;
  readonly startAt: number;
  join(participantId: string, media: 'video' | 'audio', at: number): void;
  end(outcome: 'completed' | 'ended-technical-failure', at: number): void;
}

type Connection = 'good' | 'fair' | 'poor';

/**
 * A visit that started: the patient admitted from the waiting room, everyone's connection
 * sampled every two minutes, drops and rejoins on shaky connections (three drops open an issue
 * by themselves), a fall back to audio only, an issue reported and worked now and then, the end,
 * and for almost half of the visits the patient's survey.
 */
export function planInVisit(story: Story, visit: VisitStart): void {
  const { rng, timeline, booking } = story;
  const { people, media } = visit;
  const admitAt =
    Math.max(visit.arrive, visit.startAt) +
    Math.min(rng.exponential(4 * MINUTE_MS), 30 * MINUTE_MS);
  timeline.at(admitAt, () =>
    step(story, 'admit', () =>
      story.session.decide(
        { type: 'AdmitPatient', at: iso(admitAt), by: story.provider },
        admitAt,
        { actor: story.provider.userId },
      ),
    ),
  );
  const patientJoin = admitAt + rng.between(2_000, 15_000);
  visit.join(people.patient, media, patientJoin);
  if (rng.chance(0.5)) {
    const checkInAt = admitAt + rng.between(5_000, 60_000);
    timeline.at(checkInAt, () =>
      step(story, 'check in', () =>
        story.appointment.decide(
          { type: 'CheckIn', sessionId: story.sessionId, at: iso(checkInAt) },
          checkInAt,
          {
            actor: story.coordinator.id,
          },
        ),
      ),
    );
  }
  if (people.caregiver) visit.join(people.caregiver, media, patientJoin + rng.between(0, 60_000));

  const slotMinutes = (booking.slot.end - booking.slot.start) / MINUTE_MS;
  const endAt = patientJoin + Math.max(3, slotMinutes * rng.normal(0.9, 0.2, 0.3, 1.6)) * MINUTE_MS;
  const connection = (id: string): Connection =>
    rng.weighted<Connection>([
      ['good', id === people.provider ? 88 : 72],
      ['fair', 20],
      ['poor', id === people.provider ? 2 : 8],
    ]);
  const profiles = new Map(people.all.map(({ id }) => [id, connection(id)]));
  for (const [id, profile] of profiles) {
    const from = id === people.patient ? patientJoin : visit.startAt;
    for (
      let at = from + rng.between(20_000, SAMPLE_EVERY_MS);
      at < endAt;
      at += SAMPLE_EVERY_MS + rng.between(-10_000, 10_000)
    )
      sample(story, id, profile, at);
    if (profile !== 'good' && rng.chance(0.35)) drops(story, visit, id, from, endAt);
  }
  if (
    media === 'video' &&
    (profiles.get(people.patient) === 'poor' ? rng.chance(0.5) : rng.chance(0.015))
  ) {
    const at = patientJoin + rng.between(0.2, 0.7) * (endAt - patientJoin);
    const trigger =
      profiles.get(people.patient) === 'poor' ? 'poor-connection' : 'participant-choice';
    timeline.at(at, () =>
      step(story, 'audio only', () => {
        if (story.session.state.status !== 'in-progress') return;
        story.session.decide(
          { type: 'SwitchToAudioOnly', participantId: people.patient, trigger, at: iso(at) },
          at,
          {
            actor: people.patient,
          },
        );
      }),
    );
  }
  if (rng.chance(0.04))
    reportIssue(story, patientJoin + rng.between(0.1, 0.6) * (endAt - patientJoin));

  const failure = rng.chance(0.01);
  const endedAt = failure ? patientJoin + rng.between(0.2, 0.8) * (endAt - patientJoin) : endAt;
  timeline.at(endedAt, () => visit.end(failure ? 'ended-technical-failure' : 'completed', endedAt));
  if (!failure && rng.chance(0.45))
    survey(story, profiles.get(people.patient) ?? 'good', endAt + rng.between(2, 240) * MINUTE_MS);
}

const METRICS: Record<Connection, { rtt: number; jitter: number; loss: number; bitrate: number }> =
  {
    good: { rtt: 60, jitter: 8, loss: 0.3, bitrate: 1500 },
    fair: { rtt: 180, jitter: 25, loss: 2, bitrate: 700 },
    poor: { rtt: 420, jitter: 60, loss: 7, bitrate: 250 },
  };

function sample(story: Story, participantId: string, profile: Connection, at: number): void {
  const { rng, timeline } = story;
  const m = METRICS[profile];
  const positive = (mean: number, spread: number) => Math.max(0, rng.normal(mean, mean * spread));
  const values = {
    rttMs: Math.round(positive(m.rtt, 0.35)),
    jitterMs: Math.round(positive(m.jitter, 0.5)),
    packetLossPercent: Math.min(100, Math.round(positive(m.loss, 0.6) * 100) / 100),
    bitrateKbps: Math.round(positive(m.bitrate, 0.25)),
  };
  timeline.at(at, () =>
    step(story, 'sample', () => {
      const state = story.session.state;
      if (state.status !== 'in-progress' || !state.presence[participantId]?.present) return;
      story.session.decide(
        { type: 'RecordQualitySample', participantId, ...values, at: iso(at) },
        at,
        { actor: participantId },
      );
    }),
  );
}

/** One to three drops, each followed by a rejoin with the same link. */
function drops(
  story: Story,
  visit: VisitStart,
  participantId: string,
  from: number,
  until: number,
): void {
  const { rng, timeline } = story;
  const count = rng.weighted([
    [1, 50],
    [2, 30],
    [3, 20],
  ] as const);
  const issueId = story.deps.world.id(
    `issue:${story.booking.appointmentId}:drops:${participantId}`,
  );
  let at = from + 2 * MINUTE_MS;
  for (let n = 0; n < count; n++) {
    at += rng.between(0.1, 0.3) * (until - from);
    const dropAt = at;
    const back = dropAt + rng.between(15_000, 90_000);
    if (back >= until - MINUTE_MS) return;
    timeline.at(dropAt, () =>
      step(story, 'drop', () => {
        const state = story.session.state;
        if (state.status !== 'in-progress' || !state.presence[participantId]?.present) return;
        const events = story.session.decide(
          { type: 'LeaveVisit', participantId, reason: 'disconnected', issueId, at: iso(dropAt) },
          dropAt,
          { actor: participantId },
        );
        if (events.some((event) => event.type === SESSION_EVENT.issueOpened))
          workIssue(story, issueId, dropAt, ['rejoin', 'switch-network', 'audio-only']);
      }),
    );
    visit.join(participantId, visit.media, back);
    at = back;
  }
}

function reportIssue(story: Story, at: number): void {
  const { rng, timeline, booking, deps } = story;
  const issueId = deps.world.id(`issue:${booking.appointmentId}:reported`);
  const category = rng.weighted([
    ['audio', 35],
    ['video', 30],
    ['connection', 20],
    ['device', 10],
    ['other', 5],
  ] as const);
  timeline.at(at, () =>
    step(story, 'report issue', () => {
      if (story.session.state.status !== 'in-progress') return;
      story.session.decide(
        {
          type: 'OpenTechnicalIssue',
          issueId,
          category,
          participantId: booking.patient.id,
          ...optional(
            'description',
            rng.chance(0.3)
              ? deps.world.sealed(booking.patient.id, 'Patient cannot hear me')
              : undefined,
          ),
          trigger: 'reported',
          at: iso(at),
          by: story.provider,
        },
        at,
        { actor: story.provider.userId },
      );
      workIssue(story, issueId, at, [
        'reload-page',
        'grant-permissions',
        'switch-device',
        'dial-in',
      ]);
    }),
  );
}

function survey(story: Story, connection: Connection, at: number): void {
  const { rng, timeline, booking, deps } = story;
  const overall = satisfaction(rng, connection);
  const wouldRecommend = Math.max(0, Math.min(10, Math.round(overall * 2 + rng.normal(0, 1))));
  timeline.at(at, () =>
    step(story, 'survey', () =>
      story.session.decide(
        {
          type: 'SubmitSurvey',
          surveyId: deps.world.id(`survey:${story.sessionId}`),
          participantId: booking.patient.id,
          overall,
          wouldRecommend,
          ...optional(
            'technicalQuality',
            rng.chance(0.7) ? Math.max(1, Math.min(5, overall + rng.int(-1, 0))) : undefined,
          ),
          ...optional(
            'comment',
            rng.chance(0.15)
              ? deps.world.sealed(booking.patient.id, 'The doctor was very kind')
              : undefined,
          ),
          at: iso(at),
        },
        at,
        { actor: booking.patient.id },
      ),
    ),
  );
}

function satisfaction(rng: HistoryRandom, connection: Connection): number {
  return connection === 'good'
    ? rng.weighted([
        [5, 55],
        [4, 30],
        [3, 10],
        [2, 3],
        [1, 2],
      ])
    : rng.weighted([
        [5, 25],
        [4, 30],
        [3, 27],
        [2, 11],
        [1, 7],
      ]);
}
