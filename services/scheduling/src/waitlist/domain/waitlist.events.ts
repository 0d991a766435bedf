import type { StreamEvents } from '@thc/contracts';

/** The waitlist entry stream's events, exactly as the contracts registry declares them. */
export const WAITLIST_EVENT = {
  joined: 'thc.scheduling.WaitlistJoined.v1',
  offered: 'thc.scheduling.WaitlistSlotOffered.v1',
  offerExpired: 'thc.scheduling.WaitlistOfferExpired.v1',
  left: 'thc.scheduling.WaitlistLeft.v1',
} as const;

type Events = StreamEvents<typeof WAITLIST_EVENT>;

export type WaitlistJoined = Events['joined'];
export type WaitlistSlotOffered = Events['offered'];
export type WaitlistOfferExpired = Events['offerExpired'];
export type WaitlistLeft = Events['left'];
export type WaitlistEvent = Events[keyof Events];

export const waitlistStreamId = (waitlistEntryId: string): string =>
  `waitlist-entry-${waitlistEntryId}`;
