type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What every Deployment of the platform holds to, the web app's as the services': probes on the
 * health endpoints, requests and a memory limit, non-root with seccomp, a read-only root
 * filesystem without capabilities, spread over zones, the shared settings only from the
 * ConfigMap (credentials are named key by key), and a grace period its shutdown fits in.
 */
export function expectHardened(deployment: Obj, shared: Record<string, string>): void {
  const pod = deployment['spec'].template.spec;
  const [container] = pod.containers;
  expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
  expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
  expect(container.startupProbe.httpGet.path).toBe('/health/live');
  expect(container.resources.requests).toEqual({
    cpu: expect.any(String),
    memory: expect.any(String),
  });
  expect(container.resources.limits.memory).toEqual(expect.any(String));
  expect(pod.securityContext).toMatchObject({
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(container.securityContext).toMatchObject({
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
  });
  expect(pod.topologySpreadConstraints.map((c: Obj) => c['topologyKey'])).toContain(
    'topology.kubernetes.io/zone',
  );
  // Shared settings only; credentials are named one by one (each-service-reads-only-its-own-secrets).
  expect(container.envFrom).toEqual([{ configMapRef: { name: 'thc-platform' } }]);
  // The process must finish its own shutdown before the kubelet kills it.
  expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
    Number(shared['SHUTDOWN_TIMEOUT_MS']),
  );
  expect(Number(shared['SHUTDOWN_DRAIN_DELAY_MS'])).toBeLessThan(
    Number(shared['SHUTDOWN_TIMEOUT_MS']),
  );
}
