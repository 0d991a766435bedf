import { sharedCounter, sharedGauge } from '@thc/observability';

/** What the relay's outbox looks like right now. */
export interface BacklogSnapshot {
  readonly pending: number;
  /** When the oldest pending event was recorded; undefined with an empty outbox. */
  readonly oldestRecordedAt?: Date;
}

type BacklogProbe = () => Promise<BacklogSnapshot>;

// Relays of this process. The gauges ask them on each scrape, so an idle outbox costs nothing
// and the figures are current when someone looks. Instances of one relay name share an outbox:
// one probe per name is enough.
const probes = new Map<OutboxMetrics, { readonly relay: string; readonly probe: BacklogProbe }>();

async function snapshots(): Promise<[string, BacklogSnapshot][]> {
  const byRelay = new Map([...probes.values()].map(({ relay, probe }) => [relay, probe]));
  const results = await Promise.all(
    [...byRelay].map(async ([relay, probe]) => {
      try {
        return [relay, await probe()] as [string, BacklogSnapshot];
      } catch {
        // An unreachable database must not fail the whole scrape; that relay's series keeps its last value.
        return undefined;
      }
    }),
  );
  return results.filter((entry): entry is [string, BacklogSnapshot] => entry !== undefined);
}

const backlog = sharedGauge({
  name: 'thc_outbox_backlog',
  help: 'Stored events not yet published to Kafka (counted up to 10000).',
  labelNames: ['relay'],
  async collect() {
    for (const [relay, snapshot] of await snapshots()) this.set({ relay }, snapshot.pending);
  },
});

const oldestAge = sharedGauge({
  name: 'thc_outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest of the next 10000 stored events to publish (0 when none is pending).',
  labelNames: ['relay'],
  async collect() {
    const now = Date.now();
    for (const [relay, snapshot] of await snapshots()) {
      const oldest = snapshot.oldestRecordedAt?.getTime();
      this.set({ relay }, oldest === undefined ? 0 : Math.max(0, (now - oldest) / 1000));
    }
  },
});

const published = sharedCounter({
  name: 'thc_outbox_published_total',
  help: 'Events the relay published to Kafka and marked published.',
  labelNames: ['relay', 'topic'],
});

const leaseHeld = sharedGauge({
  name: 'thc_outbox_lease_held',
  help: '1 while this instance holds the relay lease and publishes, 0 while it stands by.',
  labelNames: ['relay'],
});

/** The Prometheus series of one relay. */
export class OutboxMetrics {
  constructor(
    private readonly relay: string,
    private readonly topic: string,
  ) {}

  watchBacklog(probe: BacklogProbe): void {
    probes.set(this, { relay: this.relay, probe });
  }

  published(count: number): void {
    published.inc({ relay: this.relay, topic: this.topic }, count);
  }

  leaseHeld(held: boolean): void {
    leaseHeld.set({ relay: this.relay }, held ? 1 : 0);
  }

  /** Stops reporting this relay (on stop: the series of a relay that is gone would lie). */
  close(): void {
    probes.delete(this);
    if ([...probes.values()].some(({ relay }) => relay === this.relay)) return;
    backlog.remove({ relay: this.relay });
    oldestAge.remove({ relay: this.relay });
    leaseHeld.remove({ relay: this.relay });
  }
}
