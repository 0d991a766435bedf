import { ViolationDetected } from './violation';
import { ViolationAcknowledged } from './violation-review.events';

/** The officer's note as the events refer to it: the text itself stays in the service. */
export interface NoteReference {
  readonly noteId: string;
  readonly sha256: string;
}

/** What an officer's review step says: which violation, the note, when and by whom. */
interface ReviewStep {
  readonly violationId: string;
  readonly note: NoteReference;
  readonly at: string;
  readonly by: ViolationAcknowledged['acknowledgedBy'];
}

export interface AcknowledgeViolation extends ReviewStep {
  readonly type: 'AcknowledgeViolation';
}

export interface ResolveViolation extends ReviewStep {
  readonly type: 'ResolveViolation';
}

export type ViolationReviewCommand = AcknowledgeViolation | ResolveViolation;

/** A finding recorded as a violation: the first judgement of it opens its stream. */
export interface DetectViolation {
  readonly type: 'DetectViolation';
  readonly violation: ViolationDetected;
}

export type ViolationCommand = DetectViolation | ViolationReviewCommand;
