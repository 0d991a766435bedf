import type { SessionEndedV1 } from '@thc/contracts';
import { dueReminderOffset } from '../../services/scheduling/src/appointments/reminders/due-reminder';
import { commandsForSessionEnd } from '../../services/scheduling/src/appointments/session-outcomes/session-outcome';
import { derivedEventId } from '@thc/event-store/decider';
import type { SessionCommand } from '../../services/sessions/src/visits/domain/session.commands';
import { MINUTE_MS } from './history-agenda';
import { iso } from './history-world';
import { step, Story } from './story';

/** scheduling's default: reminders a day and an hour before the visit. */
const REMINDER_OFFSETS = [1440, 60];

/*
 * What the services do by themselves: their consumers react to each other's events a few
 * seconds later (with the consumer's clock, ids as the consumer derives them), and scheduling's
 * reminder scheduler emits reminders on its rounds.
 */

/**
 * sessions follows the appointment from `thc.scheduling.v1` a moment later: its consumer
 * decides on the event with the consumer's clock, and names the booking event as cause.
 */
export function reactInSessions(story: Story, command: SessionCommand): void {
  const causeId = story.appointment.lastIds[story.appointment.lastIds.length - 1];
  const at = story.timeline.now + story.rng.between(300, 3000);
  story.timeline.at(at, () =>
    step(story, `sessions ${command.type}`, () =>
      story.session.decide({ ...command, at: iso(at) } as SessionCommand, at, {
        causationId: causeId,
        correlationId: causeId,
        actor: 'sessions',
      }),
    ),
  );
}

/** The reminder scheduler's rounds (every 30 s) after the booking and at each offset. */
export function planReminders(story: Story, start: string): void {
  const contact = story.booking.patient.reminder;
  if (!contact) return;
  const sealed = story.deps.world.sealed(story.booking.patient.id, contact.address);
  if (!sealed) return;
  const startMs = Date.parse(start);
  const rounds = [
    story.timeline.now,
    ...REMINDER_OFFSETS.map((offset) => startMs - offset * MINUTE_MS),
  ];
  for (const due of rounds) {
    if (due < story.timeline.now) continue;
    const at = due + story.rng.between(0, 30_000);
    story.timeline.at(at, () =>
      step(story, 'reminder', () => {
        const state = story.appointment.state;
        if (state.status !== 'booked' || state.start !== start || Date.parse(state.start) <= at)
          return;
        const offset = dueReminderOffset(
          state.start,
          new Date(at),
          REMINDER_OFFSETS,
          state.remindersDue ?? [],
        );
        if (offset === undefined) return;
        const name = `reminder/${state.appointmentId}/${Date.parse(state.start)}/${offset}`;
        story.appointment.decide(
          {
            type: 'EmitReminder',
            reminderId: derivedEventId(name),
            offsetMinutes: offset,
            channel: contact.channel,
            contact: sealed,
            at: iso(at),
          },
          at,
          { actor: 'scheduling' },
          [derivedEventId(`${name}/event`)],
        );
      }),
    );
  }
}

/** scheduling's RecordOutcomeWhenSessionEnded: the outcome on the appointment, ids derived from the event. */
export function recordOutcome(story: Story, ended: SessionEndedV1, endedEventId: string): void {
  const at = story.timeline.now + story.rng.between(500, 3000);
  story.timeline.at(at, () =>
    step(story, 'outcome', () => {
      const commands = commandsForSessionEnd(ended, story.appointment.state);
      if (commands.length === 0) return;
      story.appointment.decideAll(
        commands,
        at,
        { actor: ended.endedBy.kind === 'user' ? ended.endedBy.userId : 'sessions' },
        [0, 1, 2, 3].map((i) => derivedEventId(`${endedEventId}/${i}`)),
      );
    }),
  );
}
