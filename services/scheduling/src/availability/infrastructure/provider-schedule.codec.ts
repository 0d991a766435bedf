import { assertValidEvent, upcast } from '@thc/contracts';
import type { EventCodec } from '@thc/event-store';
import {
  PROVIDER_SCHEDULE_DEFINED,
  ProviderScheduleDefined,
} from '../domain/provider-schedule.decider';

/**
 * Checks every event against its contract before it is stored, and brings v1 events of old
 * streams to v2 on load (the service's store is created without an upcaster).
 */
export const providerScheduleCodec: EventCodec<ProviderScheduleDefined> = {
  encode: (event) => {
    assertValidEvent(event.type, event.data);
    return { type: event.type, data: event.data };
  },
  decode: (stored) => {
    const latest = upcast(stored);
    if (latest.type !== PROVIDER_SCHEDULE_DEFINED)
      throw new Error(`${stored.streamId}@${stored.version}: unexpected ${stored.type}`);
    return {
      type: PROVIDER_SCHEDULE_DEFINED,
      data: latest.data as ProviderScheduleDefined['data'],
    };
  },
};
