import { InvalidInputException } from '@thc/service-runtime';
import type { VisitType } from '../domain/schedule-rules';
import { isKnownZone } from '../domain/wall-clock';
import type { SlotQueryDto } from './slot-query.dto';

/** One search covers at most this many days: enough for a month view, bounded work per request. */
export const MAX_SEARCH_DAYS = 31;

export interface SlotRange {
  readonly from: Date;
  readonly to: Date;
  readonly timeZone: string;
  readonly visitType: VisitType;
}

/** The checks a DTO cannot make alone: order, length and a real zone; 400 naming the parameter. */
export function slotRangeOf(query: SlotQueryDto): SlotRange {
  const from = new Date(query.from);
  const to = new Date(query.to);
  const timeZone = query.timeZone ?? 'UTC';
  if (!isKnownZone(timeZone))
    throw new InvalidInputException([
      { name: 'timeZone', reason: `${timeZone} is not an IANA time zone` },
    ]);
  if (to.getTime() <= from.getTime())
    throw new InvalidInputException([{ name: 'to', reason: 'must be after from' }]);
  if (to.getTime() - from.getTime() > MAX_SEARCH_DAYS * 86_400_000)
    throw new InvalidInputException([
      { name: 'to', reason: `must be at most ${MAX_SEARCH_DAYS} days after from` },
    ]);
  return { from, to, timeZone, visitType: query.visitType ?? 'video' };
}
