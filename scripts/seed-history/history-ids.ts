import { demoId } from '../demo/demo-ids';

/**
 * A name-based id of the history of one seed: the same seed and name give the same id on every
 * run, so a repeated or resumed run writes the same streams and events. The demo data set's
 * ids (clinics, staff, patients) come from the same function without the `history:` prefix.
 */
export function historyId(seed: number, name: string): string {
  return demoId(seed, `history:${name}`);
}
