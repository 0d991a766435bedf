import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import { PatientKeyStore } from '@thc/phi-protection';
import { PersonReach } from '../person-reach';
import { ERASED, NO_RECORD } from '../contact-http-errors';
import { ContactPointsProjection } from '../infrastructure/contact-points.projection';
import { ContactSealer, SealedContactField } from '../infrastructure/contact-sealer';
import type { ContactPreferencesResponse } from './contact-preferences-answers.dto';

const SEALED: readonly SealedContactField[] = ['email', 'mobile', 'preferredLanguage'];

/** A person's record read back, opened, for those who reach the patient it belongs to. */
@Injectable()
export class ReadContactPreferencesHandler {
  constructor(
    private readonly views: ContactPointsProjection,
    private readonly sealer: ContactSealer,
    private readonly reach: PersonReach,
    private readonly keys: PatientKeyStore,
  ) {}

  async read(personId: string, principal: Principal): Promise<ContactPreferencesResponse> {
    const view = await this.views.find(personId);
    // Without a record, the person is taken for a patient: the reach is to them.
    const patientId = view?.patientId ?? personId;
    await this.reach.ensure(principal, personId, patientId);
    if (!view) {
      // An erasure drops the view; the patient's tombstone tells gone from never recorded.
      if (await this.keys.isErased(patientId)) throw new GoneException(ERASED);
      throw new NotFoundException(NO_RECORD);
    }
    const opened: Partial<Record<SealedContactField, string>> = {};
    for (const field of SEALED) {
      const sealed = view[field];
      if (!sealed) continue;
      const value = await this.sealer.open(patientId, field, sealed);
      if (!value.readable) throw new GoneException(ERASED);
      opened[field] = value.value;
    }
    return {
      personId,
      patientId,
      ...opened,
      timeZone: view.timeZone,
      ...(view.quietHours ? { quietHours: view.quietHours } : {}),
      consent: view.consent,
      optedOut: view.optedOut,
      recordedAt: view.recordedAt,
      version: view.version,
    };
  }
}
