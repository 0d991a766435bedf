type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One Secret key a pod can read, or `*` when it is given the whole Secret. */
export interface SecretRead {
  readonly secret: string;
  readonly key: string;
  /** How it reaches the pod: an environment variable's name, or a volume's mount. */
  readonly via: string;
}

/**
 * Every Secret key the pods of a Deployment can read: environment variables from secretKeyRef,
 * whole Secrets through envFrom or a secret volume without items, projected volumes. What a
 * compromised container of that Deployment could take away.
 */
export function secretsReadBy(deployment: Obj): SecretRead[] {
  const pod = deployment['spec'].template.spec as Obj;
  const containers = [...(pod['initContainers'] ?? []), ...(pod['containers'] ?? [])] as Obj[];
  const reads: SecretRead[] = [];
  for (const container of containers) {
    for (const env of (container['env'] ?? []) as Obj[]) {
      const ref = env['valueFrom']?.secretKeyRef;
      if (ref) reads.push({ secret: ref.name, key: ref.key, via: `env ${env['name']}` });
    }
    for (const from of (container['envFrom'] ?? []) as Obj[]) {
      if (from['secretRef'])
        reads.push({ secret: from['secretRef'].name, key: '*', via: 'envFrom (every key)' });
    }
  }
  for (const volume of (pod['volumes'] ?? []) as Obj[]) {
    const sources: Obj[] = [
      ...(volume['secret']
        ? [{ secret: { ...volume['secret'], name: volume['secret'].secretName } }]
        : []),
      ...((volume['projected']?.sources ?? []) as Obj[]),
    ];
    for (const source of sources.filter((s) => s['secret'])) {
      const items = (source['secret'].items ?? []) as Obj[];
      const via = `volume ${volume['name']}`;
      if (items.length === 0) reads.push({ secret: source['secret'].name, key: '*', via });
      for (const item of items)
        reads.push({ secret: source['secret'].name, key: item['key'], via });
    }
  }
  return reads;
}

/** The value a Deployment's first container gives an environment variable, if literal. */
export function literalEnv(deployment: Obj, name: string): string | undefined {
  const [container] = deployment['spec'].template.spec.containers as Obj[];
  return ((container?.['env'] ?? []) as Obj[]).find((e) => e['name'] === name)?.['value'];
}

/** The Secret key a Deployment's first container reads an environment variable from. */
export function secretEnv(
  deployment: Obj,
  name: string,
): { name: string; key: string } | undefined {
  const [container] = deployment['spec'].template.spec.containers as Obj[];
  return ((container?.['env'] ?? []) as Obj[]).find((e) => e['name'] === name)?.['valueFrom']
    ?.secretKeyRef;
}
