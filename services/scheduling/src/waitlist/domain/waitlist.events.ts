import type { EventDataOf } from '@thc/contracts';

/** The waitlist entry stream's events, exactly as the contracts registry declares them. */
export const WAITLIST_EVENT = {
  joined: 'thc.scheduling.WaitlistJoined.v1',
  offered: 'thc.scheduling.WaitlistSlotOffered.v1',
} as const;

export type WaitlistJoined = {
  readonly type: typeof WAITLIST_EVENT.joined;
  readonly data: EventDataOf<typeof WAITLIST_EVENT.joined>;
};
export type WaitlistSlotOffered = {
  readonly type: typeof WAITLIST_EVENT.offered;
  readonly data: EventDataOf<typeof WAITLIST_EVENT.offered>;
};
export type WaitlistEvent = WaitlistJoined | WaitlistSlotOffered;

export const waitlistStreamId = (waitlistEntryId: string): string =>
  `waitlist-entry-${waitlistEntryId}`;
