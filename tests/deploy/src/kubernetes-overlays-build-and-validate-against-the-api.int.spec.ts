import { allEventDefinitions, deadLetterTopic, TOPICS } from '@thc/contracts';
import { parse } from 'yaml';
import { buildAndValidate, Resource, ValidationRun } from './support/built-manifests';
import { expectHardened } from './support/hardened-deployment';
import { consumerGroupsInCode, readRepoFile } from './support/repo-files';

const SERVICES = [
  'scheduling',
  'sessions',
  'training',
  'compliance-audit',
  'analytics',
  'notifications',
];
const OVERLAYS = ['dev', 'prod'];
const KUBERNETES_VERSION = /const KubernetesVersion = "([\d.]+)"/.exec(
  readRepoFile('k8s/validate/types.go'),
)![1];

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe(`k8s overlays build with kustomize and decode strictly as Kubernetes ${KUBERNETES_VERSION} objects`, () => {
  let run: ValidationRun;

  beforeAll(() => {
    run = buildAndValidate(OVERLAYS);
  }, 600_000);

  it('every overlay builds, and every resource matches its API type (unknown fields fail)', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect([...run.overlays.keys()]).toEqual(OVERLAYS);
  });

  describe.each(OVERLAYS)('%s', (overlay) => {
    const all = () => run.overlays.get(overlay) as readonly Obj[];
    const of = (kind: string, name?: string) =>
      all().filter(
        (r) => r['kind'] === kind && (name === undefined || r['metadata'].name === name),
      );
    const config = () => of('ConfigMap', 'thc-platform')[0]!['data'] as Record<string, string>;

    it.each(SERVICES)(
      '%s: a hardened Deployment with probes on the health endpoints',
      (service) => {
        expectHardened(of('Deployment', service)[0]!, config());
      },
    );

    it.each(SERVICES)(
      '%s: Service, HPA, PDB, ServiceMonitor and an ingress NetworkPolicy select it',
      (service) => {
        const labels = of('Deployment', service)[0]!['spec'].template.metadata.labels as Record<
          string,
          string
        >;
        const selects = (selector: Record<string, string>) =>
          Object.entries(selector).every(([k, v]) => labels[k] === v);
        expect(selects(of('Service', service)[0]!['spec'].selector)).toBe(true);
        expect(of('HorizontalPodAutoscaler', service)[0]!['spec'].scaleTargetRef).toEqual({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: service,
        });
        expect(selects(of('PodDisruptionBudget', service)[0]!['spec'].selector.matchLabels)).toBe(
          true,
        );
        const monitor = of('ServiceMonitor', service)[0]!['spec'];
        expect(monitor.endpoints).toContainEqual(
          expect.objectContaining({ port: 'http', path: '/metrics' }),
        );
        expect(of('Service', service)[0]!['metadata'].labels).toMatchObject(
          monitor.selector.matchLabels,
        );
        const ingress = of('NetworkPolicy').filter((p) =>
          selects(p['spec'].podSelector.matchLabels ?? {}),
        );
        expect(
          ingress.some(
            (p) => p['spec'].policyTypes.includes('Ingress') && p['spec'].ingress?.length > 0,
          ),
        ).toBe(true);
      },
    );

    /** Labels of a Deployment's pods, and whether a NetworkPolicy's podSelector selects them. */
    const podLabels = (name: string) =>
      of('Deployment', name)[0]!['spec'].template.metadata.labels as Record<string, string>;
    const selectsPods = (policy: Obj, name: string) =>
      Object.entries(
        (policy['spec'].podSelector.matchLabels ?? {}) as Record<string, string>,
      ).every(([k, v]) => podLabels(name)[k] === v);
    /**
     * Whether a pod of `name` may open a TCP connection to `port` of an address outside the
     * cluster: an egress rule of a policy selecting it with no peers (any address) or an
     * ipBlock, whose ports include that one (or that names no ports).
     */
    const leavesOn = (name: string, port: number) =>
      of('NetworkPolicy')
        .filter((p) => p['spec'].policyTypes.includes('Egress') && selectsPods(p, name))
        .flatMap((p) => (p['spec'].egress ?? []) as Obj[])
        .some(
          (rule) =>
            (rule['to'] === undefined || (rule['to'] as Obj[]).some((peer) => peer['ipBlock'])) &&
            (rule['ports'] === undefined ||
              (rule['ports'] as Obj[]).some(
                (p) => p['port'] === port && (p['protocol'] ?? 'TCP') === 'TCP',
              )),
        );

    it('only notifications may reach a mail relay (587, 465), none sends plain SMTP (25), and it reaches the SMS gateway over HTTPS', () => {
      const deployments = [...SERVICES, 'web'];
      expect(deployments.filter((d) => leavesOn(d, 587))).toEqual(['notifications']);
      expect(deployments.filter((d) => leavesOn(d, 465))).toEqual(['notifications']);
      expect(deployments.filter((d) => leavesOn(d, 25))).toEqual([]);
      expect(leavesOn('notifications', 443)).toBe(true);
      // What every service reaches, notifications included: MongoDB wherever it runs.
      expect(leavesOn('notifications', 27017)).toBe(true);
      // Not an open door: a port no rule names stays closed.
      expect(leavesOn('notifications', 8080)).toBe(false);
      expect(leavesOn('web', 443)).toBe(false);
    });

    it('notifications admits the ingress controller (the SMS gateway’s webhooks), Prometheus and the web app’s server, on its http port only', () => {
      const rules = of('NetworkPolicy')
        .filter((p) => p['spec'].policyTypes.includes('Ingress') && selectsPods(p, 'notifications'))
        .flatMap((p) => (p['spec'].ingress ?? []) as Obj[]);
      const namespace = (name: string) => ({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
      });
      expect(rules.flatMap((rule) => rule['from'])).toEqual([
        namespace('ingress-nginx'),
        namespace('monitoring'),
        { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } },
      ]);
      expect(rules.flatMap((rule) => rule['ports'])).toEqual(
        rules.map(() => ({ port: 'http', protocol: 'TCP' })),
      );
    });

    it('denies all traffic by default', () => {
      const deny = of('NetworkPolicy', 'default-deny-all')[0]!['spec'];
      expect(deny).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    });

    // After adding a consumer: node k8s/generate-kafka-topics.mjs
    it('declares a KafkaTopic for every contract topic and every dead-letter topic of every consumer group in the code', () => {
      const topics = new Map(
        of('KafkaTopic').map((t) => [t['spec'].topicName as string, t['spec'] as Obj]),
      );
      const groups = consumerGroupsInCode();
      expect(groups.map((g) => g.group)).toContain('thc.analytics');
      const expected = [
        // Every topic events travel on: each context's, and those of types several services write.
        ...new Set([...Object.values(TOPICS), ...allEventDefinitions().map((d) => d.topic)]),
        ...groups.flatMap(({ group, topics: read }) => read.map((t) => deadLetterTopic(t, group))),
      ];
      for (const name of expected) {
        const spec = topics.get(name);
        expect({ name, declared: spec !== undefined }).toEqual({ name, declared: true });
        expect(spec!['partitions']).toBeGreaterThanOrEqual(1);
        expect(spec!['config']['retention.ms']).toEqual(expect.any(Number));
        // acks=all needs min.insync.replicas in-sync copies, and one broker may be down.
        const minIsr = spec!['config']['min.insync.replicas'];
        expect(minIsr).toBeGreaterThanOrEqual(1);
        expect(minIsr).toBeLessThanOrEqual(Math.max(1, spec!['replicas'] - 1));
      }
    });
  });

  it('prod runs three replicas spread over zones as a hard constraint, three Kafka replicas with two in sync', () => {
    const prod = run.overlays.get('prod') as readonly Obj[];
    for (const deployment of prod.filter((r) => r['kind'] === 'Deployment')) {
      expect(deployment['spec'].replicas).toBe(3);
      expect(deployment['spec'].template.spec.topologySpreadConstraints[0].whenUnsatisfiable).toBe(
        'DoNotSchedule',
      );
    }
    for (const topic of prod.filter((r) => r['kind'] === 'KafkaTopic')) {
      expect(topic['spec'].replicas).toBe(3);
      expect(topic['spec'].config['min.insync.replicas']).toBe(2);
    }
    expect(new Set(prod.map((r) => (r as Resource).metadata.namespace).filter(Boolean))).toEqual(
      new Set(['thc']),
    );
  });

  it('the PrometheusRule carries exactly the alert rules of infra/observability', () => {
    const rule = (run.overlays.get('prod') as readonly Obj[]).find(
      (r) => r['kind'] === 'PrometheusRule',
    )!;
    const file = parse(readRepoFile('infra/observability/alert-rules.yml')) as Obj;
    expect(rule['spec'].groups).toEqual(file['groups']);
  });
});
