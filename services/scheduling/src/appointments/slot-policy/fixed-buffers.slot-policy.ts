import { AppointmentSettings } from '../appointments.settings';
import { SlotDecision, SlotPolicy } from './slot-policy.port';

/**
 * Stand-in until the availability engine is wired: every future slot is bookable, with the
 * buffers from the environment. The booking ledger still refuses any overlap.
 */
export class FixedBuffersSlotPolicy implements SlotPolicy {
  constructor(private readonly settings: AppointmentSettings) {}

  async check(): Promise<SlotDecision> {
    return {
      bookable: true,
      bufferBeforeMinutes: this.settings.bufferBeforeMinutes,
      bufferAfterMinutes: this.settings.bufferAfterMinutes,
    };
  }
}
