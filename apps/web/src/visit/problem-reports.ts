/** What a participant can say is wrong, in their words, and the issue category it opens. */
export const PROBLEMS = {
  'no-video': 'video',
  'cannot-see': 'video',
  'no-sound': 'audio',
  'cannot-hear': 'audio',
  'connection-drops': 'connection',
  device: 'device',
  other: 'other',
} as const satisfies Record<
  string,
  'audio' | 'video' | 'connection' | 'join-link' | 'device' | 'other'
>;

export type Problem = keyof typeof PROBLEMS;
export type IssueCategory = (typeof PROBLEMS)[Problem];

export const PROBLEM_CHOICES = Object.keys(PROBLEMS) as Problem[];
