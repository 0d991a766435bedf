import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { assertValidEvent } from '@thc/contracts';
import { MongoEventStore, StoredEvent } from '@thc/event-store';
import { SESSIONS_SETTINGS, SessionsSettings } from '../sessions.settings';
import { SESSION_EVENT as E } from '../visits/domain/session.events';
import { decideIncident, MonitorPolicy, MonitorState, observe, Signal } from './incident-monitor';
import { PlatformMonitorStore } from './platform-monitor.projection';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';

const RAISED = 'thc.sessions.PlatformIncidentRaised.v1';
const CLOSED = 'thc.sessions.PlatformIncidentClosed.v1';
const SYSTEM = { kind: 'system', service: 'sessions' } as const;

/** A failure signal in a stored session event, if it is one. */
function signalOf(event: StoredEvent): Signal | undefined {
  const data = event.data as {
    sessionId: string;
    reason?: string;
    trigger?: string;
    leftAt?: string;
    openedAt?: string;
  };
  if (event.type === E.left && data.reason === 'disconnected' && data.leftAt)
    return { eventId: event.id, sessionId: data.sessionId, kind: 'drop', at: data.leftAt };
  if (event.type === E.issueOpened && data.openedAt)
    return {
      eventId: event.id,
      sessionId: data.sessionId,
      kind: data.trigger === 'failed-join' ? 'failed-join' : 'issue',
      at: data.openedAt,
    };
  return undefined;
}

/**
 * Watches failed joins, drops and technical issues across sessions. Above the threshold in the
 * sliding window it raises one PlatformIncidentRaised; after a quiet period it closes it. It
 * observes every stored session event, and re-evaluates on a timer so quiet closes it too.
 */
@Injectable()
export class PlatformMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlatformMonitor.name);
  private timer?: NodeJS.Timeout;
  private readonly policy: MonitorPolicy;

  constructor(
    private readonly store: PlatformMonitorStore,
    private readonly events: MongoEventStore,
    @Inject(SESSIONS_SETTINGS) private readonly settings: SessionsSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {
    this.policy = {
      windowSeconds: settings.incidentWindowSeconds,
      threshold: settings.incidentThreshold,
      quietSeconds: settings.incidentQuietSeconds,
    };
  }

  onApplicationBootstrap(): void {
    const every = Math.min(30_000, Math.max(1000, (this.settings.incidentQuietSeconds * 1000) / 4));
    this.timer = setInterval(() => {
      this.evaluate([]).catch((error: unknown) =>
        this.logger.warn(`incident check failed: ${(error as Error).message}`),
      );
    }, every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Takes the failure signals among stored session events, then decides. */
  async observe(stored: readonly StoredEvent[]): Promise<void> {
    const signals = stored.map(signalOf).filter((s): s is Signal => s !== undefined);
    if (signals.length > 0) await this.evaluate(signals);
  }

  /** The monitor's state now (the status view reads it). */
  async current(): Promise<MonitorState> {
    await this.evaluate([]);
    return (await this.store.load()).state;
  }

  private async evaluate(signals: readonly Signal[]): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.clock();
      const { state, version } = await this.store.load();
      const observed = observe(state, signals, now, this.policy);
      const decision = decideIncident(observed, now, this.policy);
      const next = this.apply(observed, decision, now);
      if (signals.length === 0 && decision.kind === 'none') return;
      if (!(await this.store.save(version, next.state))) continue;
      if (next.event) await this.append(next.event.streamId, next.event.type, next.event.data);
      return;
    }
  }

  private apply(
    state: MonitorState,
    decision: ReturnType<typeof decideIncident>,
    now: Date,
  ): { state: MonitorState; event?: { streamId: string; type: string; data: object } } {
    const at = now.toISOString();
    if (decision.kind === 'raise') {
      const incidentId = this.newId();
      const minutes = Math.round(this.policy.windowSeconds / 60);
      return {
        state: {
          ...state,
          open: { incidentId, raisedAt: at, lastSignalAt: at, sessionIds: decision.sessionIds },
        },
        event: {
          streamId: `platform-incident-${incidentId}`,
          type: RAISED,
          data: {
            incidentId,
            severity: 'sev2',
            component: 'video',
            summary: `${decision.count} failed joins, drops or technical issues within ${minutes || 1} min (threshold ${this.policy.threshold})`,
            affectedSessionIds: [...decision.sessionIds],
            raisedAt: at,
            raisedBy: SYSTEM,
          },
        },
      };
    }
    if (decision.kind === 'close') {
      const { open: _, ...rest } = state;
      return {
        state: rest,
        event: {
          streamId: `platform-incident-${decision.incidentId}`,
          type: CLOSED,
          data: {
            incidentId: decision.incidentId,
            resolution: 'mitigated',
            affectedSessionCount: decision.sessionIds.length,
            closedAt: at,
            closedBy: SYSTEM,
          },
        },
      };
    }
    return { state };
  }

  private async append(streamId: string, type: string, data: object): Promise<void> {
    assertValidEvent(type, data);
    await this.events.append(streamId, 'any', [{ type, data, metadata: { actor: 'sessions' } }]);
  }
}
