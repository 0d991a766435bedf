import type { EventDataOf } from '@thc/contracts';
import { ViolationDetected } from './violation';

export const VIOLATION_EVENT = {
  detected: 'thc.compliance.ViolationDetected.v1',
  acknowledged: 'thc.compliance.ViolationAcknowledged.v1',
  resolved: 'thc.compliance.ViolationResolved.v1',
} as const;

export type ViolationAcknowledged = EventDataOf<typeof VIOLATION_EVENT.acknowledged>;
export type ViolationResolved = EventDataOf<typeof VIOLATION_EVENT.resolved>;

/** The events of one violation's stream: its detection, then the officer's follow-up. */
export type ViolationEvent =
  | { readonly type: typeof VIOLATION_EVENT.detected; readonly data: ViolationDetected }
  | { readonly type: typeof VIOLATION_EVENT.acknowledged; readonly data: ViolationAcknowledged }
  | { readonly type: typeof VIOLATION_EVENT.resolved; readonly data: ViolationResolved };

export const violationStreamId = (violationId: string): string => `violation-${violationId}`;
