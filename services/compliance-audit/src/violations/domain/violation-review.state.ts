import { ViolationDetected } from './violation';
import { ViolationAcknowledged, ViolationResolved } from './violation-review.events';

/**
 * Where a violation stands in the officer's workflow: open → acknowledged → resolved, or open →
 * resolved (a false alarm needs no acknowledgement). Resolved is final.
 */
export type ViolationState =
  | { readonly status: 'unknown' }
  | { readonly status: 'open'; readonly detected: ViolationDetected }
  | {
      readonly status: 'acknowledged';
      readonly detected: ViolationDetected;
      readonly acknowledged: ViolationAcknowledged;
    }
  | {
      readonly status: 'resolved';
      readonly detected: ViolationDetected;
      readonly acknowledged?: ViolationAcknowledged;
      readonly resolved: ViolationResolved;
    };

export type ViolationStatus = Exclude<ViolationState['status'], 'unknown'>;

export const VIOLATION_STATUSES = [
  'open',
  'acknowledged',
  'resolved',
] as const satisfies readonly ViolationStatus[];

export const initialViolationState = (): ViolationState => ({ status: 'unknown' });
