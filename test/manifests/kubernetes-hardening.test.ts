/**
 * Every workload the manifests build (the two bases and every overlay): locked down (non-root, read-only root file
 * system, no privilege escalation, no capabilities, resource limits), every Secret and ConfigMap it references defined
 * where its kustomization says, no secret value written in any manifest, and a NetworkPolicy that lets it reach only
 * DNS and HTTPS (and, for serve, only its own namespace reach its port).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { K8sObject, PodTemplate, WorkloadContainer } from './kustomize';
import { K8S, kustomize, OVERLAYS, containersOf, secretTemplatesOf, workloadsOf } from './kustomize';

const BUILDS = ['base', 'serve', ...OVERLAYS.map((o) => `overlays/${o}`)];
const BUILT = new Map(BUILDS.map((dir) => [dir, kustomize(path.join(K8S, dir))]));

/** Names that hold secrets when they are variables: only a path to a file may be written for them. */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PRIVATE|(^|_)KEY(_|$)/;

interface Reference {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  key?: string;
  where: string;
}

function referencesOf(pod: PodTemplate): Reference[] {
  const refs: Reference[] = [];
  for (const v of pod.spec.volumes ?? []) {
    const where = `volume ${v.name}`;
    if (v.secret) {
      refs.push({ kind: 'Secret', name: v.secret.secretName, where });
      for (const item of v.secret.items ?? [])
        refs.push({ kind: 'Secret', name: v.secret.secretName, key: item.key, where });
    }
    if (v.configMap) refs.push({ kind: 'ConfigMap', name: v.configMap.name, where });
    for (const source of v.projected?.sources ?? []) {
      if (source.secret) refs.push({ kind: 'Secret', name: source.secret.name, where });
      if (source.configMap) refs.push({ kind: 'ConfigMap', name: source.configMap.name, where });
    }
  }
  for (const c of containersOf(pod)) {
    for (const from of c.envFrom ?? []) {
      if (from.secretRef) refs.push({ kind: 'Secret', name: from.secretRef.name, where: `${c.name} envFrom` });
      if (from.configMapRef) refs.push({ kind: 'ConfigMap', name: from.configMapRef.name, where: `${c.name} envFrom` });
    }
    for (const v of c.env ?? []) {
      const secret = v.valueFrom?.secretKeyRef;
      const map = v.valueFrom?.configMapKeyRef;
      if (secret) refs.push({ kind: 'Secret', name: secret.name, key: secret.key, where: `${c.name} env ${v.name}` });
      if (map) refs.push({ kind: 'ConfigMap', name: map.name, key: map.key, where: `${c.name} env ${v.name}` });
    }
  }
  return refs;
}

/** Where a container sees the Secret volumes of its pod. */
function secretMountsOf(pod: PodTemplate, container: WorkloadContainer): string[] {
  const secretVolumes = new Set((pod.spec.volumes ?? []).filter((v) => v.secret).map((v) => v.name));
  return (container.volumeMounts ?? []).filter((m) => secretVolumes.has(m.name)).map((m) => m.mountPath);
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

describe.each(BUILDS)('the workloads of %s', (dir) => {
  const objects = BUILT.get(dir) ?? [];
  const workloads = workloadsOf(objects);

  it('given kustomize build, then there is at least one workload', () => {
    expect(workloads.length).toBeGreaterThan(0);
  });

  it.each(workloads.map((w) => [`${w.object.kind} ${w.object.metadata.name}`, w] as const))(
    'given %s, then it runs as non-root on a read-only root file system, without privilege escalation or capabilities, within resource limits',
    (_name, { pod }) => {
      expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number) });
      expect(pod.spec.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(pod.spec.automountServiceAccountToken).toBe(false);
      for (const container of containersOf(pod)) {
        expect(container.securityContext).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
        });
        expect(container.securityContext?.privileged).not.toBe(true);
        expect(container.securityContext?.capabilities?.drop).toContain('ALL');
        expect(container.securityContext?.capabilities?.add ?? []).toEqual([]);
        expect(container.resources?.limits).toEqual(
          expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
        );
        expect(container.resources?.requests).toEqual(
          expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
        );
      }
    },
  );

  it('given every variable a workload sets, then a secret one is only ever a path to a file of a mounted Secret, never a value', () => {
    const problems: string[] = [];
    for (const { object, pod } of workloads) {
      for (const container of containersOf(pod)) {
        const mounts = secretMountsOf(pod, container);
        for (const v of container.env ?? []) {
          if (v.value === undefined || !SECRET_NAME.test(v.name)) continue;
          const underSecret = mounts.some((m) => v.value?.startsWith(`${m}/`));
          if (!v.name.endsWith('_FILE') || !underSecret)
            problems.push(`${object.metadata.name} ${container.name}: ${v.name} is written in the manifest`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('given kustomize build, then it applies no Secret (applying one from the repository would carry or wipe real values)', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it.each(workloads.map((w) => [`${w.object.kind} ${w.object.metadata.name}`, w] as const))(
    'given %s, then a NetworkPolicy of its namespace selects its pods and lets them reach only DNS and TCP 443, and be reached only from the namespace on its own ports (a Job: never)',
    (_name, { object, pod }) => {
      const labels = pod.metadata?.labels ?? {};
      const policies = objects.filter(
        (o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === object.metadata.namespace,
      ) as Array<K8sObject & { spec: NetworkPolicySpec }>;
      const selecting = policies.filter((p) =>
        Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v),
      );
      expect(selecting).toHaveLength(1);
      const [policy] = selecting;
      expect(policy?.spec.policyTypes?.sort()).toEqual(['Egress', 'Ingress']);
      const egressPorts = (policy?.spec.egress ?? []).flatMap((rule) => {
        expect(rule.to).toBeUndefined();
        expect(rule.ports?.length).toBeGreaterThan(0);
        return (rule.ports ?? []).map((p) => `${p.protocol ?? 'TCP'}/${String(p.port)}`);
      });
      expect(egressPorts.sort()).toEqual(['TCP/443', 'TCP/53', 'UDP/53']);
      const containerPorts = containersOf(pod).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
      const ingress = policy?.spec.ingress ?? [];
      if (object.kind === 'CronJob' || object.kind === 'Job') expect(ingress).toEqual([]);
      else expect(ingress.length).toBeGreaterThan(0);
      for (const rule of ingress) {
        expect(rule.from).toEqual([{ podSelector: {} }]);
        for (const port of rule.ports ?? []) expect(containerPorts).toContain(port.port);
        expect(rule.ports?.length).toBeGreaterThan(0);
      }
    },
  );
});

// The bases leave their ConfigMap and the serve Secrets' template to the overlays: only an overlay is applied.
describe.each(OVERLAYS.map((o) => `overlays/${o}`))('the workloads of %s, applied', (dir) => {
  const objects = BUILT.get(dir) ?? [];
  const workloads = workloadsOf(objects);

  it('given every Secret and ConfigMap a workload references, then each is built by the kustomization (ConfigMaps) or defined, with the key, by its Secret template under that exact name', () => {
    const templates = secretTemplatesOf(path.join(K8S, dir));
    const problems: string[] = [];
    for (const { object, pod } of workloads) {
      for (const ref of referencesOf(pod)) {
        const at = `${object.kind} ${object.metadata.name} ${ref.where}`;
        if (ref.kind === 'ConfigMap') {
          if (!objects.some((o) => o.kind === 'ConfigMap' && o.metadata.name === ref.name))
            problems.push(`${at}: ConfigMap ${ref.name} is not built`);
          continue;
        }
        const secret = templates.find((t) => t.metadata.name === ref.name);
        if (!secret) problems.push(`${at}: Secret ${ref.name} has no template`);
        else if (ref.key !== undefined && !(ref.key in (secret.stringData ?? {})))
          problems.push(`${at}: the template of Secret ${ref.name} has no key ${ref.key}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

interface NetworkPolicySpec {
  podSelector: { matchLabels?: Record<string, string> };
  policyTypes?: string[];
  ingress?: Array<{ from?: unknown[]; ports?: Array<{ port: number | string; protocol?: string }> }>;
  egress?: Array<{ to?: unknown[]; ports?: Array<{ port: number | string; protocol?: string }> }>;
}

describe('every YAML file under manifests/kubernetes', () => {
  it('given a Secret anywhere (the templates), then all its values are empty', () => {
    const filled: string[] = [];
    for (const file of yamlFilesUnder(K8S)) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const object = doc.toJSON() as { kind?: string; data?: object; stringData?: object } | null;
        if (object?.kind !== 'Secret') continue;
        const values = [...Object.values(object.data ?? {}), ...Object.values(object.stringData ?? {})];
        if (values.some((v) => v !== '')) filled.push(path.relative(K8S, file));
      }
    }
    expect(filled).toEqual([]);
  });
});
