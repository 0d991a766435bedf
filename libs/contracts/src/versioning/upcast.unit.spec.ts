import { allUpcasters, eventDefinition } from '../registry/event-registry';
import {
  connectionQualitySampledV1,
  connectionQualitySampledV2,
} from '../registry/sessions/connection-quality-sampled.event';
import { validateEvent } from '../validation/validate-event';
import { latestTypeOf, upcast } from './upcast';

describe('upcasting old events to the latest version', () => {
  it('loads a ConnectionQualitySampled.v1 from an old stream as a valid v2', () => {
    const stored = {
      id: 'e-1',
      streamId: 'session-1',
      version: 7,
      type: 'thc.sessions.ConnectionQualitySampled.v1',
      data: connectionQualitySampledV1.example,
    };

    const loaded = upcast(stored);

    expect(loaded).toEqual({
      ...stored,
      type: 'thc.sessions.ConnectionQualitySampled.v2',
      data: { ...connectionQualitySampledV1.example, band: 'fair' },
    });
    expect(validateEvent(loaded.type, loaded.data)).toBeUndefined();
  });

  it('leaves latest-version and unknown events as they are', () => {
    const latest = {
      type: connectionQualitySampledV2.type,
      data: connectionQualitySampledV2.example,
    };
    const unknown = { type: 'com.example.Other.v1', data: { any: 1 } };
    expect(upcast(latest)).toEqual(latest);
    expect(upcast(unknown)).toEqual(unknown);
  });

  test.each(allUpcasters().map((upcaster) => [upcaster.from, upcaster.to, upcaster] as const))(
    '%s -> %s turns the v1 example into valid data of the next version',
    (from, to, upcaster) => {
      const example = eventDefinition(from)!.example;
      const data = (upcaster.upcast as (input: unknown) => unknown)(example);
      expect(validateEvent(to, data)).toBeUndefined();
    },
  );

  it('names the type an old event ends up as', () => {
    expect(latestTypeOf('thc.sessions.ConnectionQualitySampled.v1')).toBe(
      'thc.sessions.ConnectionQualitySampled.v2',
    );
    expect(latestTypeOf('thc.scheduling.AppointmentBooked.v1')).toBe(
      'thc.scheduling.AppointmentBooked.v1',
    );
  });
});
