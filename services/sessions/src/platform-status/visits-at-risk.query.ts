import { Injectable } from '@nestjs/common';
import { clinicFilterOf, Principal } from '@thc/auth';
import {
  SessionViewDocument,
  SessionViews,
} from '../visits/infrastructure/session-views.projection';

/** A visit that started this long ago and has not begun is still one to call ahead about. */
const LATE_START_MS = 30 * 60_000;

/** The visits an incident puts at risk: scheduled ones about to start, soonest first. */
@Injectable()
export class VisitsAtRisk {
  constructor(private readonly views: SessionViews) {}

  /** Only those of the caller's clinics: the visits at risk are clinic data, bounded in the query. */
  async until(principal: Principal, now: Date, until: Date): Promise<SessionViewDocument[]> {
    const since = now.getTime() - LATE_START_MS;
    const clinics = clinicFilterOf(principal);
    const scheduled = await this.views.list(
      {
        status: 'scheduled',
        startsAt: { $gte: new Date(since), $lte: until },
        ...(clinics === undefined ? {} : { clinicId: { $in: [...clinics] } }),
      },
      5000,
    );
    return scheduled
      .filter((v) => Date.parse(v.scheduledStart) >= since)
      .filter((v) => Date.parse(v.scheduledStart) <= until.getTime())
      .sort((a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart));
  }
}
