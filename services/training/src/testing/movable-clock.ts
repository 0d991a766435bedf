/**
 * A clock that runs at real speed from a chosen start and can be moved forward: "overnight"
 * in a test is one call. Several app instances in one test share it, like servers share time.
 */
export class MovableClock {
  private offsetMs: number;

  constructor(start: string) {
    this.offsetMs = Date.parse(start) - Date.now();
  }

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
