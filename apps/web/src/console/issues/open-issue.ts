/** An open issue of the coordinators' queue, as the sessions service lists it. */
export interface OpenIssue {
  readonly issueId: string;
  readonly sessionId: string;
  readonly category: string;
  readonly trigger?: string;
  readonly openedAt: string;
  readonly assignedTo?: string;
  readonly steps: readonly { readonly step: string; readonly text: string }[];
}

/** How a resolved issue ended, as the resolve API records it. */
export const OUTCOMES = [
  { value: 'fixed', label: 'Fixed' },
  { value: 'worked-around', label: 'Worked around (audio only, phone)' },
  { value: 'visit-rescheduled', label: 'Visit rescheduled' },
  { value: 'not-fixed', label: 'Not fixed' },
] as const;
export type Outcome = (typeof OUTCOMES)[number]['value'];

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  audio: 'Audio problem',
  video: 'Video problem',
  connection: 'Connection problem',
  'join-link': 'Join link problem',
  device: 'Device problem',
  other: 'Other problem',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

const TRIGGERS: Readonly<Record<string, string>> = {
  reported: 'reported by a participant',
  'pre-visit-check': 'from a failed device check',
  'repeated-drops': 'opened after repeated drops',
  'failed-join': 'opened after a failed join',
};

/** How the issue came to be opened, as a phrase. */
export function triggerText(trigger: string): string {
  return TRIGGERS[trigger] ?? trigger;
}

/** Who has the issue, from the signed-in coordinator's point of view. */
export function assigneeText(assignedTo: string | undefined, me: string): string {
  if (!assignedTo) return 'Not assigned';
  return assignedTo === me ? 'Assigned to you' : 'Assigned to a colleague';
}

/** Minutes since the issue opened, as a phrase ("opened 3 min ago"). */
export function openedAgo(openedAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(openedAt)) / 60_000));
  if (minutes < 1) return 'opened just now';
  if (minutes < 120) return `opened ${minutes} min ago`;
  return `opened ${Math.floor(minutes / 60)} h ago`;
}

/** The resolve API's body: the outcome, and the playbook steps tried in the playbook's order. */
export function resolution(
  outcome: Outcome,
  tried: ReadonlySet<string>,
  playbook: OpenIssue['steps'],
): { outcome: Outcome; steps: string[] } {
  return { outcome, steps: playbook.map((s) => s.step).filter((step) => tried.has(step)) };
}
