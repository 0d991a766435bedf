import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAndValidate, ValidationRun } from './support/built-manifests';
import { expectHardened } from './support/hardened-deployment';
import { secretsReadBy } from './support/pod-credentials';
import { readRepoFile, ROOT } from './support/repo-files';
import { packagesLoadedBy } from './support/runtime-packages';

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
const OIDC_KEYS = ['WEB_OIDC_ISSUER', 'WEB_OIDC_CLIENT_ID', 'WEB_OIDC_AUDIENCE'];
// What the operator puts in the Secret thc-web (k8s/README.md), for the production start below.
const THC_WEB = {
  WEB_OIDC_ISSUER: 'https://login.health.example/realms/care',
  WEB_OIDC_CLIENT_ID: 'telehealth-coordinator-web',
  WEB_OIDC_AUDIENCE: 'telehealth-coordinator-prod',
};
// What an outsider probes first on a service; through /svc on the web host none may reach one.
const INTERNAL_PATHS = ['/docs', '/docs-json', '/metrics', '/health/ready', '/health/live', '/'];

const dockerfile = readRepoFile('docker/web.Dockerfile');
const runtimeStage = dockerfile.slice(dockerfile.indexOf(' AS runtime'));

/** Whether a label selector (matchLabels and matchExpressions with In) selects these labels. */
function selects(selector: Obj, labels: Record<string, string>): boolean {
  const exact = Object.entries((selector['matchLabels'] ?? {}) as Record<string, string>);
  const expressions = (selector['matchExpressions'] ?? []) as Obj[];
  return (
    exact.every(([key, value]) => labels[key] === value) &&
    expressions.every((e) => e['operator'] === 'In' && e['values'].includes(labels[e['key']]))
  );
}

/** The process environment the kubelet gives a Deployment's container: envFrom, then env. */
function containerEnv(
  deployment: Obj,
  configMaps: readonly Obj[],
  secrets: Record<string, string>,
) {
  const [container] = deployment['spec'].template.spec.containers as Obj[];
  const env: Record<string, string> = {};
  for (const from of (container!['envFrom'] ?? []) as Obj[])
    Object.assign(
      env,
      configMaps.find((c) => c['metadata'].name === from['configMapRef']?.name)!['data'],
    );
  for (const variable of (container!['env'] ?? []) as Obj[]) {
    const ref = variable['valueFrom']?.secretKeyRef;
    env[variable['name']] = ref ? secrets[ref.key]! : variable['value'];
  }
  return env;
}

/** A stand-in for the six services: answers everything, remembers each path it was asked. */
async function recordingService(): Promise<{ server: Server; url: string; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths };
}

/** A GET sent with its path exactly as written (fetch would resolve `..` before sending). */
async function statusOf(base: string, path: string): Promise<number> {
  const sent = request(`${base}/`, { path });
  sent.end();
  const [answer] = (await once(sent, 'response')) as [{ statusCode: number; resume(): void }];
  answer.resume();
  return answer.statusCode;
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The web server from source, with only the given environment (nothing from the test run). */
function startWeb(env: Record<string, string>): { process: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/web/server/main.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    },
  );
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

async function listening(web: ReturnType<typeof startWeb>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!/web: listening on/.test(web.output())) {
    if (web.process.exitCode !== null || Date.now() > deadline)
      throw new Error(`the web server did not start:\n${web.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the web app deploys like the services', () => {
  describe('its image', () => {
    it('is built with Nx on Node 24 in a multi-stage Dockerfile, and runs as the non-root node user in production mode', () => {
      expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
      const stages = [...dockerfile.matchAll(/^FROM (\S+) AS (\S+)/gm)].map((m) => [m[1], m[2]]);
      expect(stages).toEqual([
        ['${NODE_IMAGE}', 'build'],
        ['${NODE_IMAGE}', 'runtime'],
      ]);
      expect(dockerfile).toMatch(/^RUN npm ci /m);
      expect(dockerfile).toMatch(/npx nx build web\b/);
      expect(runtimeStage).toMatch(/^USER node/m);
      expect(runtimeStage).toMatch(/NODE_ENV=production/);
      expect(runtimeStage).toMatch(/HOST=0\.0\.0\.0/);
      expect(runtimeStage).toMatch(/PORT=3000/);
      expect(runtimeStage).toMatch(
        /^CMD \["node", "dist\/apps\/web\/server\/apps\/web\/server\/main\.js"\]$/m,
      );
    });

    it('holds the built app and the packages its server loads at run time, nothing more', () => {
      const copied = [...runtimeStage.matchAll(/^COPY --from=build \S+ (\S+) /gm)].map((m) => m[1]);
      const packages = packagesLoadedBy('apps/web/server/main.ts');
      expect(packages).toContain('jose');
      expect(copied.sort()).toEqual(
        ['/workspace/dist/apps/web', ...packages.map((p) => `/workspace/node_modules/${p}`)].sort(),
      );
      // Copied one by one, each must need nothing else.
      for (const name of packages) {
        const manifest = JSON.parse(readRepoFile(`node_modules/${name}/package.json`)) as Obj;
        expect({ name, dependencies: manifest['dependencies'] ?? {} }).toEqual({
          name,
          dependencies: {},
        });
      }
      expect(runtimeStage).not.toMatch(/COPY \. \./);
      expect(runtimeStage).not.toMatch(/npm (ci|install)/);
    });

    it('never copies local keys into the image: .infra stays out of its build context', () => {
      const ignored = readRepoFile('docker/web.Dockerfile.dockerignore')
        .split('\n')
        .map((line) => line.trim());
      expect(ignored).toEqual(expect.arrayContaining(['.infra', 'node_modules', 'dist']));
    });
  });

  describe('on Kubernetes', () => {
    let run: ValidationRun;
    beforeAll(() => {
      run = buildAndValidate(OVERLAYS);
      expect(run.stderr).toBe('');
    }, 600_000);

    describe.each(OVERLAYS)('%s', (overlay) => {
      const of = (kind: string, name?: string) =>
        (run.overlays.get(overlay) as readonly Obj[]).filter(
          (r) => r['kind'] === kind && (name === undefined || r['metadata'].name === name),
        );
      const web = () => of('Deployment', 'web')[0]!;
      const podLabels = (name: string) =>
        of('Deployment', name)[0]!['spec'].template.metadata.labels as Record<string, string>;
      const shared = () => of('ConfigMap', 'thc-platform')[0]!['data'] as Record<string, string>;
      const policiesOf = (name: string) =>
        of('NetworkPolicy').filter((p) => selects(p['spec'].podSelector, podLabels(name)));
      const webHost = () => of('Ingress', 'web')[0]!['spec'].rules[0].host as string;

      it('a Deployment hardened like the services, with a Service, an HPA and a PDB selecting it', () => {
        expectHardened(web(), shared());
        expect(web()['spec'].template.spec.securityContext).toMatchObject({
          runAsUser: 1000,
          runAsGroup: 1000,
        });
        expect(web()['spec'].template.spec.automountServiceAccountToken).toBe(false);
        expect(
          selects({ matchLabels: of('Service', 'web')[0]!['spec'].selector }, podLabels('web')),
        ).toBe(true);
        expect(of('HorizontalPodAutoscaler', 'web')[0]!['spec'].scaleTargetRef).toEqual({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
        });
        expect(
          selects(of('PodDisruptionBudget', 'web')[0]!['spec'].selector, podLabels('web')),
        ).toBe(true);
        expect(web()['spec'].replicas).toBe(
          of('Deployment', 'sessions')[0]!['spec'].replicas as number,
        );
      });

      it('starts in production mode, staff signing in with the OIDC provider named in its own Secret, never the development sign-in', () => {
        const env = containerEnv(web(), of('ConfigMap'), THC_WEB);
        expect(env['NODE_ENV']).toBe('production');
        expect(Object.keys(env).filter((name) => /DEV_SIGN_IN|THC_AUTH_DIR/.test(name))).toEqual(
          [],
        );
        expect(
          secretsReadBy(web())
            .map((read) => `${read.secret}/${read.key}`)
            .sort(),
        ).toEqual(OIDC_KEYS.map((key) => `thc-web/${key}`).sort());
        // Each service at its in-cluster Service, which exists and listens on port 80.
        for (const service of SERVICES) {
          const variable = `${service.toUpperCase().replace('-', '_')}_URL`;
          expect({ variable, url: env[variable] }).toEqual({ variable, url: `http://${service}` });
          expect(of('Service', service)[0]!['spec'].ports[0].port).toBe(80);
        }
      });

      it('admits traffic from the ingress controller only, and reaches only DNS and the services', () => {
        const policies = policiesOf('web');
        const ingressPeers = policies.flatMap((p) =>
          ((p['spec'].ingress ?? []) as Obj[]).flatMap((rule) => rule['from'] as Obj[]),
        );
        expect(ingressPeers).toEqual([
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
          },
        ]);
        // The shared egress of the services (Kafka, MongoDB, HTTPS out) does not select it.
        expect(policies.map((p) => p['metadata'].name).sort()).toEqual(['default-deny-all', 'web']);
        const egress = policies.flatMap((p) => (p['spec'].egress ?? []) as Obj[]);
        const dns = egress.filter((rule) =>
          (rule['to'] as Obj[]).some((peer) => peer['podSelector']?.matchLabels?.['k8s-app']),
        );
        expect(dns.flatMap((rule) => rule['ports'].map((p: Obj) => p['port']))).toEqual([53, 53]);
        const toServices = egress.filter((rule) => !dns.includes(rule));
        expect(toServices.flatMap((rule) => rule['ports'])).toEqual([
          { port: 'http', protocol: 'TCP' },
        ]);
        const peers = toServices.flatMap((rule) => rule['to'] as Obj[]);
        expect(peers.every((peer) => peer['namespaceSelector'] === undefined)).toBe(true);
        const reached = [...SERVICES, 'web'].filter((name) =>
          peers.some((peer) => selects(peer['podSelector'], podLabels(name))),
        );
        expect(reached).toEqual(SERVICES);
      });

      it.each(SERVICES)('%s admits the web pods on its http port', (service) => {
        const admitting = policiesOf(service)
          .flatMap((p) => (p['spec'].ingress ?? []) as Obj[])
          .filter((rule) =>
            (rule['from'] as Obj[]).some(
              (peer) => peer['podSelector'] && selects(peer['podSelector'], podLabels('web')),
            ),
          );
        expect(admitting.flatMap((rule) => rule['ports'])).toEqual([
          { port: 'http', protocol: 'TCP' },
        ]);
      });

      it('the public ingress sends every path of the web host to the web Service over TLS, and join links open its /join', () => {
        const ingress = of('Ingress', 'web')[0]!['spec'];
        expect(ingress.rules).toHaveLength(1);
        expect(ingress.tls.flatMap((t: Obj) => t['hosts'])).toEqual([webHost()]);
        expect(ingress.rules[0].http.paths).toEqual([
          {
            path: '/',
            pathType: 'Prefix',
            backend: { service: { name: 'web', port: { name: 'http' } } },
          },
        ]);
        // No service host is shared with the web host: their paths stay as the services publish them.
        const otherHosts = of('Ingress')
          .filter((i) => i['metadata'].name !== 'web')
          .flatMap((i) => (i['spec'].rules as Obj[]).map((r) => r['host']));
        expect(otherHosts).not.toContain(webHost());
        const sessions = containerEnv(of('Deployment', 'sessions')[0]!, of('ConfigMap'), {});
        expect(sessions['SESSIONS_JOIN_BASE_URL']).toBe(`https://${webHost()}/join`);
      });
    });

    describe('a production start with the prod Deployment’s settings', () => {
      let stub: Awaited<ReturnType<typeof recordingService>>;
      let staticDir: string;
      let web: ReturnType<typeof startWeb> | undefined;
      let base: string;
      const prodEnv = () =>
        containerEnv(
          (run.overlays.get('prod') as readonly Obj[]).find(
            (r) => r['kind'] === 'Deployment' && r['metadata'].name === 'web',
          )!,
          (run.overlays.get('prod') as readonly Obj[]).filter((r) => r['kind'] === 'ConfigMap'),
          THC_WEB,
        );

      beforeAll(async () => {
        stub = await recordingService();
        staticDir = mkdtempSync(join(tmpdir(), 'thc-web-pages-'));
        writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>web</title>');
      });
      afterEach(async () => {
        if (web && web.process.exitCode === null) {
          web.process.kill('SIGTERM');
          await once(web.process, 'exit');
        }
        web = undefined;
      });
      afterAll(async () => {
        await new Promise((resolve) => stub.server.close(resolve));
        rmSync(staticDir, { recursive: true, force: true });
      });

      async function start(overrides: Record<string, string>): Promise<void> {
        const port = await freePort();
        base = `http://127.0.0.1:${port}`;
        web = startWeb({
          ...prodEnv(),
          HOST: '127.0.0.1',
          PORT: String(port),
          WEB_STATIC_DIR: staticDir,
          ...overrides,
        });
        await listening(web);
      }

      it('starts with the in-cluster service URLs, is ready and tells the pages to sign in with the OIDC provider', async () => {
        await start({});
        expect((await fetch(`${base}/health/ready`)).status).toBe(200);
        expect(await (await fetch(`${base}/config.json`)).json()).toEqual({
          oidc: {
            issuer: THC_WEB.WEB_OIDC_ISSUER,
            clientId: THC_WEB.WEB_OIDC_CLIENT_ID,
            scope: 'openid profile',
            audience: THC_WEB.WEB_OIDC_AUDIENCE,
          },
          devSignIn: false,
        });
      }, 90_000);

      it('passes /svc on to each service’s public surface and never to its API description, metrics or health', async () => {
        const urls = Object.fromEntries(
          SERVICES.map((s) => [`${s.toUpperCase().replace('-', '_')}_URL`, stub.url]),
        );
        await start(urls);
        stub.paths.length = 0;
        for (const service of SERVICES)
          for (const path of [...INTERNAL_PATHS, '/api/v1/../../docs', '/api/v1/%2e%2e/metrics'])
            await statusOf(base, `/svc/${service}${path}`);
        expect(stub.paths).toEqual([]);
        for (const service of SERVICES)
          expect(await statusOf(base, `/svc/${service}/api/v1/probe`)).toBe(200);
        expect(stub.paths).toEqual(SERVICES.map(() => '/api/v1/probe'));
      }, 90_000);

      it('refuses to start with the development sign-in left on, naming it', async () => {
        web = startWeb({ ...prodEnv(), PORT: String(await freePort()), WEB_DEV_SIGN_IN: 'on' });
        const [code] = (await once(web.process, 'exit')) as [number];
        expect(code).toBe(2);
        expect(web.output()).toContain('WEB_DEV_SIGN_IN=on is refused in production');
        expect(web.output()).not.toMatch(/listening on/);
      }, 90_000);
    });
  });
});
