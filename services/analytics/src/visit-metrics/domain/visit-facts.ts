import type { ChannelOutcome } from './message-facts';

/**
 * What analytics knows about one appointment and its virtual visit, gathered from the
 * scheduling and sessions topics in whatever order they arrive. Ids of clinic, provider and
 * appointment only: never the patient.
 */
export interface VisitFacts {
  readonly _id: string;
  // From AppointmentBooked / AppointmentRescheduled.
  readonly clinicId?: string;
  readonly providerId?: string;
  readonly visitType?: string;
  readonly start?: Date;
  readonly end?: Date;
  readonly timeZone?: string;
  readonly bookedAt?: Date;
  /** From SessionCreated: where the visit belongs when its booking has not arrived yet. */
  readonly session?: {
    readonly clinicId: string;
    readonly providerId: string;
    readonly visitType: string;
    readonly start: Date;
    readonly end: Date;
  };
  readonly cancelledAt?: Date;
  readonly lateCancel?: boolean;
  readonly completed?: { readonly startedAt: Date; readonly endedAt: Date };
  readonly noShow?: string;
  readonly sessionStartedAt?: Date;
  readonly sessionEnded?: {
    readonly outcome: string;
    readonly startedAt?: Date;
    readonly endedAt: Date;
  };
  readonly arrivedAt?: Date;
  readonly admittedAt?: Date;
  readonly providerJoinedAt?: Date;
  readonly audioOnlyAt?: Date;
  readonly checks?: number;
  readonly checksFailed?: number;
  /** Sum, count and bin counts (`mos_h<i>`) of the visit's connection samples' MOS. */
  readonly mos?: Readonly<Record<string, number>>;
  readonly issues?: Readonly<
    Record<string, { readonly openedAt?: Date; readonly resolvedAt?: Date }>
  >;
  readonly survey?: Readonly<Record<string, number>>;
  /** Messages about this visit (any kind), so they follow the visit's clinic once it is known. */
  readonly messageIds?: readonly string[];
  /** Each reminder's outcome per channel (sent, bounced), from the notifications topic. */
  readonly reminders?: Readonly<Record<string, Readonly<Record<string, ChannelOutcome>>>>;
  /** Buckets the visit's contribution was last written to, so a move can retract it. */
  readonly bucket?: { readonly day: string; readonly month: string };
}
