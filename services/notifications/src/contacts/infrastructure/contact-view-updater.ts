import { Injectable } from '@nestjs/common';
import type { ContactPreferencesState } from '../domain/contact-preferences.state';
import { ContactPointsProjection, ContactPointsView } from './contact-points.projection';
import { MobileLookup } from './mobile-lookup.projection';

/**
 * Brings a person's view up to their stream after an append, with the indexes beside it: the
 * mobile lookup (a new number added before the view names it, the old one dropped after) and
 * the patient's index of people (kept by the store's save).
 */
@Injectable()
export class ContactViewUpdater {
  constructor(
    private readonly views: ContactPointsProjection,
    private readonly lookup: MobileLookup,
  ) {}

  async update(
    state: ContactPreferencesState,
    version: number,
    before: ContactPointsView | undefined,
    mobileKey: string | undefined,
  ): Promise<void> {
    const view = ContactPointsProjection.viewOf(state, version, mobileKey);
    if (!view) return;
    if (mobileKey) await this.lookup.add(mobileKey, view._id);
    await this.views.save(view);
    if (before?.mobileKey && before.mobileKey !== mobileKey)
      await this.lookup.remove(before.mobileKey, view._id);
    if (before && before.patientId !== view.patientId)
      await this.views.leavePatient(before.patientId, view._id);
  }
}
