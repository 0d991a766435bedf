import { register } from 'prom-client';
import { recordProjected } from './projection-lag';

describe('projection lag', () => {
  it('observes the delay of each event and keeps the newest event time, never going back', async () => {
    const now = new Date('2030-01-01T00:00:10Z');
    recordProjected(
      'visits-by-day',
      ['2030-01-01T00:00:08Z', new Date('2030-01-01T00:00:09Z')],
      now,
    );
    recordProjected('visits-by-day', ['2030-01-01T00:00:01Z'], now);

    const text = await register.metrics();
    expect(text).toContain('thc_projection_lag_seconds_count{projection="visits-by-day"} 3');
    expect(text).toContain('thc_projection_lag_seconds_sum{projection="visits-by-day"} 12');
    expect(text).toContain(
      `thc_projection_last_event_timestamp_seconds{projection="visits-by-day"} ${Date.parse('2030-01-01T00:00:09Z') / 1000}`,
    );
  });
});
