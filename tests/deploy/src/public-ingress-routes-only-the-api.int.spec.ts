import { buildAndValidate, ValidationRun } from './support/built-manifests';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OVERLAYS = ['dev', 'prod'];
const SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
  'notifications',
];
// What an outsider probes first: every route with its roles and examples, then the internals.
const NOT_PUBLIC = [
  '/docs',
  '/docs/',
  '/docs-json',
  '/docs/swagger-ui-init.js',
  '/metrics',
  '/health/ready',
  '/health/live',
  '/',
];

/** Whether an Ingress path rule sends `path` to its backend (Kubernetes Prefix/Exact rules). */
function routes(rule: Obj, path: string): boolean {
  const pattern = String(rule['path'] ?? '/');
  if (rule['pathType'] === 'Exact') return path === pattern;
  // Prefix matches whole path elements: /api/v1 matches /api/v1 and /api/v1/x, not /api/v1x.
  const elements = (p: string) => p.split('/').filter(Boolean);
  const want = elements(pattern);
  return want.every((element, i) => elements(path)[i] === element);
}

describe('the public ingress routes the business API only, never the API description or internals', () => {
  let run: ValidationRun;
  beforeAll(() => {
    run = buildAndValidate(OVERLAYS);
    expect(run.stderr).toBe('');
  }, 600_000);

  describe.each(OVERLAYS)('%s', (overlay) => {
    const ingresses = () =>
      (run.overlays.get(overlay) as readonly Obj[]).filter((r) => r['kind'] === 'Ingress');
    const rules = () =>
      ingresses().flatMap((ingress) =>
        (ingress['spec'].rules as Obj[]).flatMap((rule) =>
          (rule['http'].paths as Obj[]).map((path) => ({
            host: rule['host'] as string,
            service: path['backend'].service.name as string,
            path,
          })),
        ),
      );

    it('every service and the web app are published on their own host over TLS, with matching rules only', () => {
      expect(
        ingresses()
          .map((i) => i['metadata'].name)
          .sort(),
      ).toEqual([...SERVICES, 'web'].sort());
      for (const ingress of ingresses()) {
        // A default backend would answer every path no rule names, /docs included.
        expect(ingress['spec'].defaultBackend).toBeUndefined();
        const hosts = (ingress['spec'].rules as Obj[]).map((r) => r['host']);
        expect(hosts.every(Boolean)).toBe(true);
        expect((ingress['spec'].tls as Obj[]).flatMap((t) => t['hosts'])).toEqual(hosts);
      }
      // Regular-expression paths (ImplementationSpecific) could match anything: not allowed.
      expect(rules().map((r) => r.path['pathType'])).toEqual(
        rules().map(() => expect.stringMatching(/^(Prefix|Exact)$/)),
      );
    });

    it.each(NOT_PUBLIC)(
      'an outsider requesting %s on any service host reaches no service',
      (path) => {
        expect(
          rules()
            .filter((r) => r.service !== 'web' && routes(r.path, path))
            .map((r) => `${r.host}${r.path['path']}`),
        ).toEqual([]);
      },
    );

    // The web server passes /svc on to the services' public surface only
    // (the-web-app-deploys-like-the-services checks a production start of it).
    it('the web host reaches the services only through the web server', () => {
      const webHosts = new Set(
        rules()
          .filter((r) => r.service === 'web')
          .map((r) => r.host),
      );
      expect(webHosts.size).toBe(1);
      expect(
        rules()
          .filter((r) => webHosts.has(r.host))
          .map((r) => r.service),
      ).toEqual(['web']);
    });

    it('services trust exactly the one proxy in front of them when they count a caller’s requests', () => {
      // 0 would count every caller as the ingress controller (one shared budget); 2 or more would
      // let a caller pick its own address with a forged X-Forwarded-For and escape its budget.
      const config = (run.overlays.get(overlay) as readonly Obj[]).find(
        (r) => r['kind'] === 'ConfigMap' && r['metadata'].name === 'thc-platform',
      )!['data'];
      expect(ingresses().length).toBeGreaterThan(0);
      expect(config['TRUST_PROXY_HOPS']).toBe('1');
    });

    it('of notifications, only the SMS gateway’s webhooks are published, on the host its public URL names', () => {
      const hooks = rules().filter((r) => r.service === 'notifications');
      const reach = (path: string) => hooks.some((r) => routes(r.path, path));
      // Replies and delivery reports, POSTed by the gateway.
      expect(reach('/api/v1/sms/inbound')).toBe(true);
      expect(reach('/api/v1/sms/status')).toBe(true);
      // Contact points and preferences are PHI: reached through the web app, never from outside.
      for (const path of [
        '/api/v1',
        '/api/v1/contact-preferences',
        '/api/v1/messages',
        '/api/v1/smsx',
        '/fhir/Patient/0b6c',
      ])
        expect({ path, routed: reach(path) }).toEqual({ path, routed: false });
      const hosts = [...new Set(hooks.map((r) => r.host))];
      expect(hosts).toHaveLength(1);
      // A host of its own: no other service's routes (and their /api/v1) share it.
      expect(rules().filter((r) => r.host === hosts[0] && r.service !== 'notifications')).toEqual(
        [],
      );
      // The gateway signs each post for the URL it was given: the Deployment's public URL.
      const deployment = (run.overlays.get(overlay) as readonly Obj[]).find(
        (r) => r['kind'] === 'Deployment' && r['metadata'].name === 'notifications',
      )!;
      const env = deployment['spec'].template.spec.containers[0].env as Obj[];
      expect(env.find((e) => e['name'] === 'NOTIFICATIONS_PUBLIC_URL')?.['value']).toBe(
        `https://${hosts[0]}`,
      );
    });

    it('the business API, the FHIR views and the dashboard stay reachable', () => {
      const reach = (service: string, path: string) =>
        rules().some((r) => r.service === service && routes(r.path, path));
      expect(reach('scheduling', '/api/v1/appointments')).toBe(true);
      expect(reach('sessions', '/fhir/Encounter/0b6c')).toBe(true);
      expect(reach('compliance-audit', '/api/v1/audit/reports')).toBe(true);
      expect(reach('training', '/api/v1/training/modules')).toBe(true);
      expect(reach('analytics', '/dashboard')).toBe(true);
      expect(reach('analytics', '/dashboard/dashboard.js')).toBe(true);
    });
  });
});
