import { MINUTE_MS } from './history-agenda';
import { iso } from './history-world';
import { inWorkingHours, recordRead } from './phi-reads';
import { step, Story } from './story';

/** A coordinator takes the issue, works through the playbook and closes it. */
export function workIssue(
  story: Story,
  issueId: string,
  openedAt: number,
  playbook: readonly Step[],
): void {
  const { rng, timeline, deps, booking } = story;
  const assignAt = openedAt + rng.between(1, 3) * MINUTE_MS;
  const resolveAt = assignAt + rng.between(2, 12) * MINUTE_MS;
  timeline.at(assignAt, () =>
    step(story, 'assign issue', () =>
      story.session.decide(
        {
          type: 'AssignTechnicalIssue',
          issueId,
          coordinatorId: story.coordinator.id,
          at: iso(assignAt),
          by: story.staff,
        },
        assignAt,
        { actor: story.coordinator.id },
      ),
    ),
  );
  timeline.at(resolveAt, () =>
    step(story, 'resolve issue', () => {
      const steps = playbook.slice(0, rng.int(1, playbook.length));
      story.session.decide(
        {
          type: 'ResolveTechnicalIssue',
          issueId,
          outcome: rng.weighted([
            ['fixed', 75],
            ['worked-around', 18],
            ['not-fixed', 7],
          ] as const),
          steps,
          at: iso(resolveAt),
          by: story.staff,
        },
        resolveAt,
        { actor: story.coordinator.id },
      );
      if (inWorkingHours(resolveAt))
        recordRead(deps.world, {
          name: `issue:${issueId}`,
          service: 'sessions',
          actorId: story.coordinator.id,
          role: 'coordinator',
          patientId: booking.patient.id,
          resource: 'Encounter',
          resourceId: story.sessionId,
          purpose: 'operations',
          at: resolveAt,
        });
    }),
  );
}

export type Step =
  | 'reload-page'
  | 'rejoin'
  | 'grant-permissions'
  | 'switch-device'
  | 'switch-network'
  | 'audio-only'
  | 'dial-in'
  | 'new-join-link';
