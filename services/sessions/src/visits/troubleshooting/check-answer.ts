import { SESSION_EVENT as E, SessionEvent } from '../domain/session.events';
import { Device, Language, playbookFor } from './playbook.data';

/** What a participant learns from their pre-visit check. */
export interface CheckAnswer {
  readonly result: 'passed' | 'warning' | 'failed';
  /** The issue opened for a failed check. */
  readonly issueId?: string;
  readonly steps: { step: string; text: string }[];
}

/** The answer to a recorded check: its result and, for the issue it opened, the first steps. */
export function checkAnswerOf(
  events: readonly SessionEvent[],
  device: Device,
  language: Language,
): CheckAnswer {
  const recorded = events.find((e) => e.type === E.checkRecorded);
  const opened = events.find((e) => e.type === E.issueOpened);
  const result = recorded?.type === E.checkRecorded ? recorded.data.result : 'passed';
  if (opened?.type !== E.issueOpened) return { result, steps: [] };
  return {
    result,
    issueId: opened.data.issueId,
    steps: playbookFor(opened.data.category, device, language),
  };
}
