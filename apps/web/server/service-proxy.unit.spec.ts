import type { IncomingMessage } from 'node:http';
import { clientAddress, proxiedTarget } from './service-proxy';

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

describe('the caller the services count requests of', () => {
  const request = (forwarded: string | undefined, socket: string) =>
    ({
      headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
      socket: { remoteAddress: socket },
    }) as unknown as IncomingMessage;

  it('is the connection itself when no proxy is trusted, whatever the header claims', () => {
    expect(clientAddress(request('6.6.6.6', '10.0.0.9'), 0)).toBe('10.0.0.9');
  });

  it('is the address the ingress saw behind one trusted hop, not the ingress pod', () => {
    expect(clientAddress(request('203.0.113.7', '10.0.0.9'), 1)).toBe('203.0.113.7');
    // A forged entry to the left of what the ingress appended is not believed.
    expect(clientAddress(request('6.6.6.6, 203.0.113.7', '10.0.0.9'), 1)).toBe('203.0.113.7');
  });
});
