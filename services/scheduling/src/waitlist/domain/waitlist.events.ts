import type { EventDataOf } from '@thc/contracts';

/** The waitlist entry stream's events, exactly as the contracts registry declares them. */
export const WAITLIST_EVENT = {
  joined: 'thc.scheduling.WaitlistJoined.v1',
  offered: 'thc.scheduling.WaitlistSlotOffered.v1',
  offerExpired: 'thc.scheduling.WaitlistOfferExpired.v1',
  left: 'thc.scheduling.WaitlistLeft.v1',
} as const;

type Of<T extends (typeof WAITLIST_EVENT)[keyof typeof WAITLIST_EVENT]> = {
  readonly type: T;
  readonly data: EventDataOf<T>;
};

export type WaitlistJoined = Of<typeof WAITLIST_EVENT.joined>;
export type WaitlistSlotOffered = Of<typeof WAITLIST_EVENT.offered>;
export type WaitlistOfferExpired = Of<typeof WAITLIST_EVENT.offerExpired>;
export type WaitlistLeft = Of<typeof WAITLIST_EVENT.left>;
export type WaitlistEvent =
  WaitlistJoined | WaitlistSlotOffered | WaitlistOfferExpired | WaitlistLeft;

export const waitlistStreamId = (waitlistEntryId: string): string =>
  `waitlist-entry-${waitlistEntryId}`;
