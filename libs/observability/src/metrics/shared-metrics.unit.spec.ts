import { register } from 'prom-client';
import { sharedCounter, sharedGauge } from './shared-metrics';

describe('metrics shared through the default registry', () => {
  afterEach(() => register.clear());

  it('hands every caller the same metric instead of failing on re-registration', () => {
    const first = sharedCounter({ name: 'thc_test_total', help: 'h', labelNames: ['topic'] });
    const second = sharedCounter({ name: 'thc_test_total', help: 'h', labelNames: ['topic'] });
    expect(second).toBe(first);
    expect(sharedGauge({ name: 'thc_test_gauge', help: 'h' })).toBe(
      sharedGauge({ name: 'thc_test_gauge', help: 'h' }),
    );
  });

  it('refuses a name already taken by another metric type', () => {
    sharedGauge({ name: 'thc_test_clash', help: 'h' });
    expect(() => sharedCounter({ name: 'thc_test_clash', help: 'h' })).toThrow('another type');
  });
});
