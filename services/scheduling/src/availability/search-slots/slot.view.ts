import type { FreeSlot } from '../domain/free-slots';
import { renderIn } from '../domain/wall-clock';

/** A free slot as the API returns it: the instant in UTC and as wall time in the asked zone. */
export interface SlotView {
  readonly providerId: string;
  readonly visitType: string;
  readonly start: string;
  readonly end: string;
  readonly localStart: string;
  readonly localEnd: string;
  readonly timeZone: string;
}

export function slotView(providerId: string, slot: FreeSlot, timeZone: string): SlotView {
  return {
    providerId,
    visitType: slot.visitType,
    start: slot.start.toISOString(),
    end: slot.end.toISOString(),
    localStart: renderIn(slot.start.getTime(), timeZone),
    localEnd: renderIn(slot.end.getTime(), timeZone),
    timeZone,
  };
}
