import { parseArgs } from 'node:util';

/** What one `npm run bench:platform` run offers the platform, from its command-line flags. */
export interface PlatformBenchOptions {
  /** Offered bookings per second, one step each, in order (`--rates 1,2,4,8`). */
  readonly rates: readonly number[];
  /** Length of each step's arrivals (`--seconds 20`). */
  readonly seconds: number;
  /** Share of bookings followed by their whole visit through sessions (`--visit-share 0.2`). */
  readonly visitShare: number;
  /** Longest wait after a step for analytics and every consumer to catch up (`--drain-seconds 60`). */
  readonly drainSeconds: number;
  /**
   * Events of a generated history seeded into the run's databases before the services start
   * (`--history 1000000`); 0: empty stores.
   */
  readonly history: number;
}

// Sized so that the default run, platform start-up and set-up included, stays under about ten
// minutes on the 2-core development machine, and its last step is past what that machine
// sustains (see docs/performance.md: FerretDB saturates first).
const DEFAULTS = { rates: '1,2,4,8', seconds: '20', visitShare: '0.2', drainSeconds: '60' };

export function parsePlatformBenchOptions(argv: readonly string[]): PlatformBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rates: { type: 'string', default: DEFAULTS.rates },
      seconds: { type: 'string', default: DEFAULTS.seconds },
      'visit-share': { type: 'string', default: DEFAULTS.visitShare },
      'drain-seconds': { type: 'string', default: DEFAULTS.drainSeconds },
      history: { type: 'string', default: '0' },
    },
    strict: true,
  });
  const rates = values.rates.split(',').map((rate) => positive('--rates', rate));
  const visitShare = Number(values['visit-share']);
  if (!(visitShare >= 0 && visitShare <= 1))
    throw new Error(`--visit-share must be between 0 and 1, got ${values['visit-share']}`);
  return {
    rates,
    seconds: positive('--seconds', values.seconds),
    visitShare,
    drainSeconds: positive('--drain-seconds', values['drain-seconds']),
    history: values.history === '0' ? 0 : positive('--history', values.history),
  };
}

function positive(flag: string, raw: string): number {
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value))
    throw new Error(`${flag} takes positive numbers, got ${raw}`);
  return value;
}
