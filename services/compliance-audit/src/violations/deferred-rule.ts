import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Clock, CLOCK } from '@thc/service-runtime';
import { Connection } from 'mongoose';
import { AUDIT_SETTINGS, AuditSettings } from '../audit.settings';
import { DeferredChecks } from './deferred-checks';
import { Finding } from './domain/violation';
import { ViolationRecorder } from './violation.recorder';

/** What every deferred rule is built on: where its facts wait, when, and where findings go. */
@Injectable()
export class DeferredRuleContext {
  constructor(
    @InjectConnection() readonly connection: Connection,
    readonly recorder: ViolationRecorder,
    @Inject(AUDIT_SETTINGS) readonly settings: AuditSettings,
    @Inject(CLOCK) readonly clock: Clock,
  ) {}
}

/**
 * A rule judged a little after intake (see DeferredChecks): its facts wait in their own
 * collection and are swept on a timer from start-up to shutdown, or when a caller sweeps.
 */
export abstract class DeferredRule<T extends object>
  implements OnModuleInit, OnApplicationShutdown
{
  private readonly deferred: DeferredChecks<T>;
  private readonly recorder: ViolationRecorder;

  protected constructor(context: DeferredRuleContext, pendingCollection: string) {
    this.recorder = context.recorder;
    this.deferred = new DeferredChecks<T>(
      context.connection.collection(pendingCollection),
      (fact, now) => this.judge(fact, now),
      context.settings.accessCheckDelayMs,
      context.clock,
      new.target.name,
    );
  }

  onModuleInit(): void {
    this.deferred.start();
  }

  onApplicationShutdown(): void {
    this.deferred.stop();
  }

  /** Judges what is due now; answers how many were judged. */
  sweep(): Promise<number> {
    return this.deferred.sweep();
  }

  protected queue(facts: readonly (T & { eventId: string })[]): Promise<void> {
    return this.deferred.enqueue(facts);
  }

  /** Records each finding once (see ViolationRecorder), one after the other. */
  protected async record(findings: Iterable<Finding>, now: string): Promise<void> {
    for (const finding of findings) await this.recorder.record(finding, now);
  }

  protected abstract judge(fact: T, now: string): Promise<void>;
}
