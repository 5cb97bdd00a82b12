/**
 * The Kubernetes manifests: kustomize builds every overlay, every object validates against the
 * Kubernetes schemas, no key is unknown to the Kubernetes API, and the command, flags and
 * environment variables the CronJob uses exist in the CLI and the config.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { parseAllDocuments } from 'yaml';
import { loadConfig, parseConfig } from '../../src/config';
import { buildProgram } from '../../src/cli/program';

const ROOT = path.resolve(__dirname, '../..');
const K8S = path.join(ROOT, 'manifests/kubernetes');
const OVERLAYS = readdirSync(path.join(K8S, 'overlays'));

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
};

function kustomize(dir: string): K8sObject[] {
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(out).map((doc) => doc.toJSON() as K8sObject);
}

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  CronJob,
  ConfigMap,
  PersistentVolumeClaim,
  Secret,
};

/**
 * Every property name the Kubernetes API models declare, read from their type declarations:
 * the schema validators accept unknown keys, so a typo (`conncurrencyPolicy`) would pass them.
 */
function knownKeys(): Set<string> {
  const keys = new Set<string>();
  const dirs = ['batch/v1', 'v1'].map((d) => path.join(ROOT, 'node_modules/kubernetes-models', d));
  dirs.push(path.join(ROOT, 'node_modules/@kubernetes-models/apimachinery/apis/meta/v1'));
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.d.ts'))) {
      for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/^\s+"?([A-Za-z$][\w$-]*)"?\??:/gm))
        keys.add(match[1] ?? '');
    }
  }
  return keys;
}

/** Maps whose keys are data, not API fields. */
const FREE_FORM = new Set([
  'labels',
  'annotations',
  'data',
  'stringData',
  'requests',
  'limits',
  'matchLabels',
  'nodeSelector',
]);

function unknownKeys(value: unknown, known: Set<string>, where = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownKeys(item, known, `${where}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(known.has(key) ? [] : [`${where}.${key}`]),
    ...(FREE_FORM.has(key) ? [] : unknownKeys(child, known, `${where}.${key}`)),
  ]);
}

function cronJobOf(objects: readonly K8sObject[]): {
  spec: {
    schedule: string;
    timeZone: string;
    concurrencyPolicy: string;
    jobTemplate: {
      spec: { template: { spec: { containers: Array<{ args: string[]; env?: Array<{ name: string }> }> } } };
    };
  };
} {
  const job = objects.find((o) => o.kind === 'CronJob');
  if (!job) throw new Error('no CronJob');
  return job as never;
}

/** The long option names a command accepts, from the CLI itself. */
function optionsOf(command: string): Set<string> {
  const program = buildProgram({ out: () => undefined, err: () => undefined, env: {}, cwd: ROOT, isTTY: false });
  const found: Command | undefined = program.commands.find((c) => c.name() === command);
  if (!found) throw new Error(`the CLI has no ${command} command`);
  return new Set(found.options.map((o) => o.long ?? ''));
}

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = kustomize(path.join(K8S, 'overlays', overlay));

  it('given kustomize build, then every object validates against its Kubernetes schema', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'CronJob', 'PersistentVolumeClaim']);
    for (const object of objects) {
      const Model = MODELS[object.kind];
      if (!Model) throw new Error(`no schema for ${object.kind}`);
      expect(() => new Model(object as never).validate()).not.toThrow();
    }
  });

  it('given kustomize build, then no key is unknown to the Kubernetes API', () => {
    const known = knownKeys();
    expect(objects.flatMap((o) => unknownKeys(o, known, o.kind))).toEqual([]);
  });

  it('then the CronJob runs one sync at a time, as a non-root user on a read-only root file system', () => {
    const job = cronJobOf(objects) as unknown as { spec: Record<string, unknown> };
    expect(job.spec.concurrencyPolicy).toBe('Forbid');
    expect(job.spec.startingDeadlineSeconds).toEqual(expect.any(Number));
    const jobSpec = (job.spec.jobTemplate as { spec: Record<string, unknown> }).spec;
    expect(jobSpec.backoffLimit).toEqual(expect.any(Number));
    const pod = (
      jobSpec.template as {
        spec: { securityContext: Record<string, unknown>; containers: Array<Record<string, never>> };
      }
    ).spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    for (const container of pod.containers) {
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      expect(container.resources).toMatchObject({ requests: expect.any(Object), limits: expect.any(Object) });
    }
  });

  it('then the command and every flag it passes exist in the CLI', () => {
    const [container] = cronJobOf(objects).spec.jobTemplate.spec.template.spec.containers;
    const [command, ...args] = container?.args ?? [];
    expect(command).toBe('sync');
    const flags = args.filter((a) => a.startsWith('--'));
    expect(flags.length).toBeGreaterThan(0);
    const known = optionsOf('sync');
    for (const flag of flags) expect(known).toContain(flag);
  });

  it('then the ConfigMap holds a valid config whose schedule is the CronJob’s', () => {
    const map = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    const text = map.data['config.yaml'];
    expect(text).toBeDefined();
    const config = parseConfig(text ?? '', `${overlay}/config.yaml`);
    const { spec } = cronJobOf(objects);
    expect(spec.schedule).toBe(config.schedule.cron);
    expect(spec.timeZone).toBe(config.schedule.timeZone);
  });
});

describe('the Secret template', () => {
  const [secret] = parseAllDocuments(readFileSync(path.join(K8S, 'base/secret.template.yaml'), 'utf8')).map(
    (d) => d.toJSON() as K8sObject & { stringData: Record<string, string> },
  );

  it('then it validates, holds no values, and names exactly the variables the config reads secrets and logins from', () => {
    expect(() => new Secret(secret as never).validate()).not.toThrow();
    expect(Object.values(secret?.stringData ?? {}).every((v) => v === '')).toBe(true);
    const config = loadConfig(path.join(ROOT, 'config/dealership.yaml'));
    expect(Object.keys(secret?.stringData ?? {}).sort()).toEqual(Object.values(config.salesforce.auth.env).sort());
  });

  it('then the CronJob reads it by the name the template gives it', () => {
    const cronJob = readFileSync(path.join(K8S, 'base/cronjob.yaml'), 'utf8');
    expect(cronJob).toContain(`name: ${secret?.metadata.name}`);
  });
});
