/** `minutes` after the instant `iso`, as a UTC ISO instant. */
export function minutesAfter(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** The later of two ISO instants (offsets may differ), as given. */
export function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

export const DAY_MINUTES = 24 * 60;
