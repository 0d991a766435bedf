import { cpus } from 'node:os';
import { cpuSeconds, machineTicks, rssBytes } from './process-usage';

export interface ProcessUsage {
  readonly name: string;
  /** CPU used over the window, in % of one core (200 % = both cores of a 2-core machine). */
  readonly cpuPercent: number | undefined;
  /** Highest resident set size seen by `sample()` over the window. */
  readonly maxRssBytes: number | undefined;
}

export interface WindowUsage {
  readonly processes: readonly ProcessUsage[];
  /** Share of all cores' time the machine was busy, whoever used it (0-100 %). */
  readonly machineBusyPercent: number;
  readonly cores: number;
}

/** CPU and memory of named processes over a window: opened by the constructor, closed by `finish`. */
export class UsageMeter {
  private readonly startedAt = performance.now();
  private readonly startMachine = machineTicks();
  private readonly startCpu = new Map<string, number | undefined>();
  private readonly maxRss = new Map<string, number>();

  constructor(private readonly pids: ReadonlyMap<string, number>) {
    for (const [name, pid] of pids) this.startCpu.set(name, cpuSeconds(pid));
    this.sample();
  }

  /** Memory is a level, not a total: it is read at each call and the highest kept. */
  sample(): void {
    for (const [name, pid] of this.pids) {
      const rss = rssBytes(pid);
      if (rss !== undefined) this.maxRss.set(name, Math.max(rss, this.maxRss.get(name) ?? 0));
    }
  }

  finish(): WindowUsage {
    this.sample();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const machine = machineTicks();
    const processes = [...this.pids].map(([name, pid]): ProcessUsage => {
      const [before, after] = [this.startCpu.get(name), cpuSeconds(pid)];
      return {
        name,
        cpuPercent:
          before === undefined || after === undefined
            ? undefined
            : (100 * (after - before)) / seconds,
        maxRssBytes: this.maxRss.get(name),
      };
    });
    const total = machine.total - this.startMachine.total;
    return {
      processes,
      machineBusyPercent: total > 0 ? (100 * (machine.busy - this.startMachine.busy)) / total : 0,
      cores: cpus().length,
    };
  }
}
