import { Inject, Injectable } from '@nestjs/common';
import { CredentialGate } from '../credentials/credential-gate';
import { LicenceGate } from '../credentials/licence-gate';
import { SlotNotBookableError } from './http-errors';
import { SLOT_POLICY, SlotPolicy, SlotRequest } from './slot-policy.port';
import type { Buffers } from './visit-claims';

/**
 * What a booking and a move check before claiming any time, side by side: the provider's
 * credential through the visit, their licence where the patient will be (when stated), and the
 * schedule, which gives the buffers the ledger then holds.
 */
@Injectable()
export class SlotChecks {
  constructor(
    private readonly credentials: CredentialGate,
    private readonly licences: LicenceGate,
    @Inject(SLOT_POLICY) private readonly slots: SlotPolicy,
  ) {}

  async bookable(slot: SlotRequest, licensedIn: string | undefined, now: Date): Promise<Buffers> {
    const [, , decision] = await Promise.all([
      this.credentials.ensureBookable(slot.providerId, now, slot.end),
      licensedIn === undefined
        ? undefined
        : this.licences.ensureLicensed(slot.providerId, licensedIn, slot.end),
      this.slots.check(slot, now),
    ]);
    if (!decision.bookable) throw new SlotNotBookableError(decision.reason);
    return {
      bufferBeforeMinutes: decision.bufferBeforeMinutes,
      bufferAfterMinutes: decision.bufferAfterMinutes,
    };
  }
}
