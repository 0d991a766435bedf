/** How a person reading a table or a chart sees a clinic or a provider. */
export interface DirectoryLabel {
  readonly name: string;
  /** False while the directory has not recorded it: the name is then made from its id. */
  readonly listed: boolean;
}

/**
 * The directory's name, or "Clinic 2d7f4b9a" (the first 8 characters of the id) for one it does
 * not list yet: visits can be booked before the clinic reaches the directory.
 */
export function labelOf(
  kind: 'Clinic' | 'Provider',
  id: string,
  recorded: string | undefined,
): DirectoryLabel {
  return recorded
    ? { name: recorded, listed: true }
    : { name: `${kind} ${id.slice(0, 8)}`, listed: false };
}
