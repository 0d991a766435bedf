import { Inject, Injectable } from '@nestjs/common';
import { PatientErasedError, PatientKeyStore } from '@thc/phi-protection';
import type { ContactChannel, OptOutSource } from './domain/contact-preferences.events';
import type { ContactPreferencesState } from './domain/contact-preferences.state';
import {
  ContactPointsProjection,
  ContactPointsView,
} from './infrastructure/contact-points.projection';
import { ContactPreferencesRepository } from './infrastructure/contact-preferences.repository';
import { ContactSealer } from './infrastructure/contact-sealer';
import { ContactViewUpdater } from './infrastructure/contact-view-updater';
import { MobileLookup } from './infrastructure/mobile-lookup.projection';
import { Clock, CLOCK } from '@thc/service-runtime';

export interface OptOutOutcome {
  readonly version: number;
  /** False when the person had already left the channel. */
  readonly changed: boolean;
}

/**
 * A person leaves a channel: from a STOP reply, an unsubscribe link, staff or the person
 * themself. Leaving it again changes nothing. Throws NoContactPreferencesError for a person
 * with no record, PatientErasedError once their patient was erased.
 */
@Injectable()
export class OptOutOfChannelHandler {
  constructor(
    private readonly repository: ContactPreferencesRepository,
    private readonly views: ContactPointsProjection,
    private readonly updater: ContactViewUpdater,
    private readonly sealer: ContactSealer,
    private readonly lookup: MobileLookup,
    private readonly keys: PatientKeyStore,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /**
   * `actor`: the user's id, or the service that acted for the person (the SMS gateway's webhook).
   * `read`: the person's view when the caller has just read it, so it is not read twice.
   */
  async optOut(
    personId: string,
    channel: ContactChannel,
    source: OptOutSource,
    actor: string,
    read?: { readonly view: ContactPointsView | undefined },
  ): Promise<OptOutOutcome> {
    const before = read ? read.view : await this.views.find(personId);
    // The view names the patient; without it (erased, or a save lost) the stream does.
    const patientId =
      before?.patientId ?? (await this.repository.load(personId)).state.record?.patientId;
    if (patientId && (await this.keys.isErased(patientId))) throw new PatientErasedError(patientId);
    const command = {
      type: 'OptOutOfChannel',
      channel,
      source,
      at: this.now().toISOString(),
    } as const;
    const result = await this.repository.handle(personId, command, actor);
    if (result.events.length > 0 || before?.version !== result.version)
      await this.updater.update(
        result.state,
        result.version,
        before,
        before?.mobileKey ?? (await this.mobileKeyOf(result.state)),
      );
    return { version: result.version, changed: result.events.length > 0 };
  }

  /** The lookup key of the recorded mobile, opened for it; only when the view has none. */
  private async mobileKeyOf(state: ContactPreferencesState): Promise<string | undefined> {
    const { record } = state;
    if (!record?.mobile) return undefined;
    const mobile = await this.sealer.open(record.patientId, 'mobile', record.mobile);
    return mobile.readable ? this.lookup.keyOf(mobile.value) : undefined;
  }
}
