/**
 * The Kubernetes manifests as kustomize builds them (`kubectl kustomize`, the cluster's own renderer), and the
 * pod templates of their workloads, for the manifest tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const ROOT = path.resolve(__dirname, '../..');
export const K8S = path.join(ROOT, 'manifests/kubernetes');
export const OVERLAYS = readdirSync(path.join(K8S, 'overlays'));
export const SECRET_TEMPLATE = 'secret.template.yaml';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};

export function kustomize(dir: string): K8sObject[] {
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(out).map((doc) => doc.toJSON() as K8sObject);
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string };
  };
}
export interface WorkloadContainer {
  name: string;
  env?: EnvVar[];
  envFrom?: Array<{ secretRef?: { name: string }; configMapRef?: { name: string } }>;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[]; add?: string[] } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
}
export interface Volume {
  name: string;
  configMap?: { name: string; items?: Array<{ key: string }> };
  secret?: { secretName: string; items?: Array<{ key: string }>; optional?: boolean };
  persistentVolumeClaim?: { claimName: string };
  projected?: { sources: Array<{ secret?: { name: string }; configMap?: { name: string } }> };
}
export interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: {
    securityContext?: Record<string, unknown>;
    automountServiceAccountToken?: boolean;
    containers: WorkloadContainer[];
    initContainers?: WorkloadContainer[];
    volumes?: Volume[];
  };
}

const WORKLOADS = new Set(['CronJob', 'Job', 'Deployment', 'StatefulSet', 'DaemonSet']);

/** The objects that run pods, each with its pod template. */
export function workloadsOf(objects: readonly K8sObject[]): Array<{ object: K8sObject; pod: PodTemplate }> {
  return objects
    .filter((o) => WORKLOADS.has(o.kind))
    .map((object) => {
      const spec = object.spec as { template?: PodTemplate; jobTemplate?: { spec: { template: PodTemplate } } };
      const pod = object.kind === 'CronJob' ? spec.jobTemplate?.spec.template : spec.template;
      if (!pod) throw new Error(`${object.kind} ${object.metadata.name} has no pod template`);
      return { object, pod };
    });
}

export const containersOf = (pod: PodTemplate): WorkloadContainer[] => [
  ...(pod.spec.initContainers ?? []),
  ...pod.spec.containers,
];

/**
 * The Secrets the templates of a kustomization and of the bases it builds on define (secret.template.yaml): the
 * Secrets are created by hand or by a secret store, never applied from the repository, so these are where their
 * names and keys are written down.
 */
export function secretTemplatesOf(dir: string): Array<K8sObject & { stringData?: Record<string, string> }> {
  const file = path.join(dir, SECRET_TEMPLATE);
  const own = existsSync(file)
    ? parseAllDocuments(readFileSync(file, 'utf8')).map(
        (d) => d.toJSON() as K8sObject & { stringData?: Record<string, string> },
      )
    : [];
  const kustomization = parse(readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8')) as { resources?: string[] };
  const bases = (kustomization.resources ?? [])
    .map((r) => path.resolve(dir, r))
    .filter((r) => existsSync(path.join(r, 'kustomization.yaml')));
  return [...own, ...bases.flatMap(secretTemplatesOf)];
}
