import { proxiedTarget } from './service-proxy';

describe('the web host passes on only the services’ public surface', () => {
  it.each([
    ['/svc/sessions/api/v1/today?from=2026-01-01', ['sessions', '/api/v1/today?from=2026-01-01']],
    ['/svc/scheduling/fhir/Appointment/1', ['scheduling', '/fhir/Appointment/1']],
    ['/svc/analytics/dashboard', ['analytics', '/dashboard']],
    ['/svc/analytics/dashboard/chart.umd.js', ['analytics', '/dashboard/chart.umd.js']],
  ])('%s reaches the service', (url, target) => {
    expect(proxiedTarget(url)).toEqual(target);
  });

  it.each([
    '/svc/scheduling/docs',
    '/svc/scheduling/docs-json',
    '/svc/sessions/metrics',
    '/svc/training/health/ready',
    '/svc/analytics',
    '/svc/sessions/api/v1/../../docs',
    '/svc/sessions/api/v1/%2e%2e/%2e%2e/metrics',
    '/svc/sessions/api/v10',
    '/svc/payments/api/v1/charges',
  ])('%s reaches no service', (url) => {
    expect(proxiedTarget(url)).toBeUndefined();
  });
});
