/** Where a document sits in its stream and in the append that wrote it. */
export interface BatchPosition {
  readonly version: number;
  readonly batchStart?: number;
  readonly batchEnd?: number;
}

// Documents from before batches were recorded are batches of one.
export const batchStartOf = (position: BatchPosition): number =>
  position.batchStart ?? position.version;
export const batchEndOf = (position: BatchPosition): number =>
  position.batchEnd ?? position.version;
