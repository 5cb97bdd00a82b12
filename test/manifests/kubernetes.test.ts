/**
 * The Kubernetes manifests: kustomize builds every overlay, every object validates against the
 * Kubernetes schemas, no key is unknown to the Kubernetes API, and the command, flags and
 * environment variables the CronJob and the serve Deployment use exist in the CLI, the server and
 * the config.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { parseAllDocuments } from 'yaml';
import { type Config, loadConfig, parseConfig } from '../../src/config';
import { buildProgram, runCli } from '../../src/cli/program';
import { resolveCredentials } from '../../src/salesforce/credentials';
import type { K8sObject } from './kustomize';
import { K8S, kustomize, OVERLAYS, ROOT, SECRET_TEMPLATE, secretTemplatesOf } from './kustomize';
import { LOCK_POLL_MS, LOCK_TTL_MS } from '../../src/sync/lock-heartbeat';

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  CronJob,
  Deployment,
  ConfigMap,
  PersistentVolumeClaim,
  Secret,
  NetworkPolicy,
};

/**
 * Every property name the Kubernetes API models declare, read from their type declarations:
 * the schema validators accept unknown keys, so a typo (`conncurrencyPolicy`) would pass them.
 */
function knownKeys(): Set<string> {
  const keys = new Set<string>();
  const dirs = ['apps/v1', 'batch/v1', 'v1', 'networking.k8s.io/v1'].map((d) =>
    path.join(ROOT, 'node_modules/kubernetes-models', d),
  );
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
      spec: {
        activeDeadlineSeconds: number;
        template: { spec: { containers: Array<{ args: string[]; env?: Array<{ name: string }> }> } };
      };
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

/** Each overlay built once: kustomize is a process of its own. */
const BUILT = new Map(OVERLAYS.map((overlay) => [overlay, kustomize(path.join(K8S, 'overlays', overlay))]));
const withKind = (kind: string): string[] =>
  OVERLAYS.filter((overlay) => (BUILT.get(overlay) ?? []).some((o) => o.kind === kind));
/** One dealership per overlay (the CronJob base), or a dealer group served by one process (the serve base). */
const CRONJOB_OVERLAYS = withKind('CronJob');
const SERVE_OVERLAYS = withKind('Deployment');

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = BUILT.get(overlay) ?? [];

  it('given kustomize build, then every object validates against its Kubernetes schema', () => {
    expect([
      ['ConfigMap', 'CronJob', 'NetworkPolicy', 'PersistentVolumeClaim'],
      ['ConfigMap', 'Deployment', 'NetworkPolicy', 'PersistentVolumeClaim'],
    ]).toContainEqual(objects.map((o) => o.kind).sort());
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
});

describe.each(CRONJOB_OVERLAYS)('the %s overlay (a CronJob)', (overlay) => {
  const objects = BUILT.get(overlay) ?? [];

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

  it('then a retry pod outwaits the run lock a killed pod left (longer than its TTL), within the Job deadline', () => {
    const job = cronJobOf(objects);
    const [container] = job.spec.jobTemplate.spec.template.spec.containers;
    const args = container?.args ?? [];
    const wait = Number(args[args.indexOf('--wait-for-lock') + 1]);
    expect(wait * 1000).toBeGreaterThan(LOCK_TTL_MS + LOCK_POLL_MS);
    expect(wait).toBeLessThan(job.spec.jobTemplate.spec.activeDeadlineSeconds / 10);
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

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Probe {
  httpGet: { path: string; port: string | number };
}
interface Container {
  name: string;
  args: string[];
  env: EnvVar[];
  ports: Array<{ name: string; containerPort: number }>;
  livenessProbe: Probe;
  readinessProbe: Probe;
  securityContext: Record<string, unknown>;
  resources: Record<string, unknown>;
  volumeMounts: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
}
interface PodSpec {
  securityContext: Record<string, unknown>;
  automountServiceAccountToken?: boolean;
  containers: Container[];
  volumes: Array<{
    name: string;
    configMap?: { name: string };
    persistentVolumeClaim?: { claimName: string };
    secret?: { secretName: string };
  }>;
}
interface ServeDeployment {
  spec: {
    replicas: number;
    strategy: { type: string };
    template: { metadata: { annotations: Record<string, string> }; spec: PodSpec };
  };
}

function deploymentOf(objects: readonly K8sObject[]): ServeDeployment {
  const deployment = objects.find((o) => o.kind === 'Deployment');
  if (!deployment) throw new Error('no Deployment');
  return deployment as unknown as ServeDeployment;
}

function serveContainerOf(objects: readonly K8sObject[]): Container {
  const [container, ...others] = deploymentOf(objects).spec.template.spec.containers;
  if (!container || others.length > 0) throw new Error('the serve pod should have exactly one container');
  return container;
}

/** The value after `flag` in the container's args. */
function argOf(container: Container, flag: string): string | undefined {
  const index = container.args.indexOf(flag);
  return index >= 0 ? container.args[index + 1] : undefined;
}

/** The port a probe names, as a number (probes name the container port `http`). */
function portOf(container: Container, port: string | number): number | undefined {
  return typeof port === 'number' ? port : container.ports.find((p) => p.name === port)?.containerPort;
}

/** The volume built from `source` (its ConfigMap or claim name) and where the container mounts it. */
function mountOf(objects: readonly K8sObject[], source: (volume: PodSpec['volumes'][number]) => string | undefined) {
  const { spec } = deploymentOf(objects).spec.template;
  const volume = spec.volumes.find((v) => source(v) !== undefined);
  return {
    name: volume ? source(volume) : undefined,
    mount: serveContainerOf(objects).volumeMounts.find((m) => m.name === volume?.name),
  };
}

/** The dealership configs of the ConfigMap, by file name, through the real config parser. */
function dealershipConfigs(objects: readonly K8sObject[]): Map<string, Config> {
  const map = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
  return new Map(Object.entries(map.data).map(([file, text]) => [file, parseConfig(text, file)]));
}

/** The variables a config's login reads, for its method (salesforce.auth.env). */
function loginVariables(config: Config): string[] {
  const { env, method } = config.salesforce.auth;
  switch (method) {
    case 'clientCredentials':
      return [env.loginUrl, env.clientId, env.clientSecret];
    case 'jwt':
      return [env.loginUrl, env.clientId, env.username, env.jwtKeyFile];
    case 'accessToken':
      return [env.instanceUrl, env.accessToken];
    default:
      throw new Error(`a served dealership should name its login method, not ${String(method)}`);
  }
}

/**
 * What the pod's environment would hold, with a stand-in for every Secret value; the login URLs point at a closed
 * port on loopback, so a run started by accident in a test reaches nothing. A `*_FILE` variable points at a
 * stand-in file in `files`, where the mounted Secret would hold it.
 */
function podEnvironment(container: Container, files: string): Record<string, string> {
  return Object.fromEntries(
    container.env.map((v) => {
      if (v.value !== undefined && v.name.endsWith('_FILE')) {
        const file = path.join(files, path.posix.basename(v.value));
        writeFileSync(file, `stand-in-${path.basename(file).toLowerCase()}\n`);
        return [v.name, file];
      }
      return [
        v.name,
        v.value ?? (v.name.endsWith('_LOGIN_URL') ? 'http://127.0.0.1:9' : `stand-in-${v.name.toLowerCase()}`),
      ];
    }),
  );
}

/** Where the pod mounts the Secret `name` (a volume of it), if it does. */
function secretMountOf(objects: readonly K8sObject[], name: string | undefined): string | undefined {
  const { spec } = deploymentOf(objects).spec.template;
  const volume = spec.volumes.find((v) => v.secret?.secretName === name);
  return serveContainerOf(objects).volumeMounts.find((m) => m.name === volume?.name)?.mountPath;
}

/** The base CronJob's plain settings (not its login's variables and files): the Deployment's must match them. */
function cronJobPlainEnv(): EnvVar[] {
  const [job] = parseAllDocuments(readFileSync(path.join(K8S, 'base/cronjob.yaml'), 'utf8')).map(
    (d) => d.toJSON() as ReturnType<typeof cronJobOf>,
  );
  const env: EnvVar[] = job?.spec.jobTemplate.spec.template.spec.containers[0]?.env ?? [];
  // A *_FILE variable set to a path under /var/run/secrets is a login secret's file, not a setting.
  const secretFile = (v: EnvVar): boolean =>
    v.name.endsWith('_FILE') && (v.value ?? '').startsWith('/var/run/secrets/');
  return env.filter((v) => v.value !== undefined && !secretFile(v));
}

/** serve started in this process with `args`, on loopback; stop() sends it SIGTERM and gives its exit code. */
async function startServe(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ base: string; output: () => string; stop: () => Promise<number> }> {
  let stop: (signal: string) => void = () => undefined;
  const shutdown = new Promise<string>((resolve) => (stop = resolve));
  let output = '';
  const exit = runCli(args, {
    out: (text) => void (output += text),
    err: (text) => void (output += text),
    env,
    cwd: ROOT,
    isTTY: false,
    shutdown,
  });
  let ended = false;
  void exit.finally(() => (ended = true));
  const deadline = Date.now() + 15_000;
  let base: string | undefined;
  while (base === undefined) {
    base = /on (http:\/\/127\.0\.0\.1:\d+):/.exec(output)?.[1];
    if (ended || Date.now() > deadline) throw new Error(`serve did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    base,
    output: () => output,
    stop: async () => {
      stop('SIGTERM');
      return exit;
    },
  };
}

describe.each(SERVE_OVERLAYS)('the %s overlay (serve, a dealer group)', (overlay) => {
  const objects = BUILT.get(overlay) ?? [];
  const configs = dealershipConfigs(objects);

  it('then exactly one serve pod runs, replaced by stopping the old one first', () => {
    const { spec } = deploymentOf(objects);
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('then the pod and its container are locked down exactly as the CronJob’s are', () => {
    const cronJobPod = cronJobOf(BUILT.get(CRONJOB_OVERLAYS[0] ?? '') ?? []).spec.jobTemplate.spec.template
      .spec as unknown as PodSpec;
    const pod = deploymentOf(objects).spec.template.spec;
    expect(pod.securityContext).toEqual(cronJobPod.securityContext);
    expect(pod.automountServiceAccountToken).toBe(false);
    const container = serveContainerOf(objects);
    expect(container.securityContext).toEqual(cronJobPod.containers[0]?.securityContext);
    expect(container.resources).toMatchObject({ requests: expect.any(Object), limits: expect.any(Object) });
    const writable = container.volumeMounts.filter((m) => m.readOnly !== true).map((m) => m.mountPath);
    expect(writable.sort()).toEqual(['/tmp', '/var/lib/execution-coach']);
  });

  it('then the command is serve, every flag it passes exists in the CLI, and it listens on the container port on every interface', () => {
    const container = serveContainerOf(objects);
    const [command, ...args] = container.args;
    expect(command).toBe('serve');
    const known = optionsOf('serve');
    for (const flag of args.filter((a) => a.startsWith('--'))) expect(known).toContain(flag);
    expect(argOf(container, '--host')).toBe('0.0.0.0');
    expect(container.ports).toEqual([expect.objectContaining({ name: 'http', protocol: 'TCP' })]);
    expect(Number(argOf(container, '--port'))).toBe(container.ports[0]?.containerPort);
    expect(portOf(container, container.livenessProbe.httpGet.port)).toBe(container.ports[0]?.containerPort);
    expect(portOf(container, container.readinessProbe.httpGet.port)).toBe(container.ports[0]?.containerPort);
    const annotations = deploymentOf(objects).spec.template.metadata.annotations;
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(Number(annotations['prometheus.io/port'])).toBe(container.ports[0]?.containerPort);
  });

  it('then --config-dir is where the ConfigMap of several dealerships is mounted, and each has its own state file on the claim', () => {
    const container = serveContainerOf(objects);
    const configMap = objects.find((o) => o.kind === 'ConfigMap');
    const dealerships = mountOf(objects, (v) => v.configMap?.name);
    expect(dealerships.name).toBe(configMap?.metadata.name);
    expect(dealerships.mount?.readOnly).toBe(true);
    expect(argOf(container, '--config-dir')).toBe(dealerships.mount?.mountPath);
    const state = mountOf(objects, (v) => v.persistentVolumeClaim?.claimName);
    expect(state.name).toBe(objects.find((o) => o.kind === 'PersistentVolumeClaim')?.metadata.name);
    expect(configs.size).toBeGreaterThanOrEqual(2);
    const statePaths = [...configs.values()].map((config) => config.state.path);
    expect(new Set(statePaths).size).toBe(configs.size);
    for (const statePath of statePaths) expect(path.posix.dirname(statePath)).toBe(state.mount?.mountPath);
  });

  it('then every dealership logs in with variables of its own, each passed from the Secret the template names: the secrets as files of its read-only volume, the rest as variables', () => {
    const container = serveContainerOf(objects);
    const files = mkdtempSync(path.join(tmpdir(), 'execution-coach-k8s-secrets-'));
    try {
      const environment = podEnvironment(container, files);
      for (const config of configs.values()) {
        expect(() => resolveCredentials(config.salesforce, environment)).not.toThrow();
      }
    } finally {
      rmSync(files, { recursive: true, force: true });
    }
    const read = [...configs.values()].flatMap(loginVariables);
    expect(new Set(read).size).toBe(read.length);
    const [template] = parseAllDocuments(
      readFileSync(path.join(K8S, 'overlays', overlay, SECRET_TEMPLATE), 'utf8'),
    ).map((d) => d.toJSON() as K8sObject & { stringData: Record<string, string> });
    expect(() => new Secret(template as never).validate()).not.toThrow();
    expect(Object.keys(template?.stringData ?? {}).sort()).toEqual([...read].sort());
    const mount = secretMountOf(objects, template?.metadata.name);
    expect(mount).toBeDefined();
    expect(container.volumeMounts.find((m) => m.mountPath === mount)?.readOnly).toBe(true);
    const secrets = [...configs.values()].map((c) => c.salesforce.auth.env.clientSecret);
    for (const name of read) {
      const fromSecret = container.env.find((v) => v.name === name)?.valueFrom?.secretKeyRef;
      const fromFile = container.env.find((v) => v.name === `${name}_FILE`)?.value;
      if (secrets.includes(name)) {
        expect(fromSecret).toBeUndefined();
        expect(fromFile).toBe(`${mount ?? ''}/${name}`);
      } else {
        expect(fromFile).toBeUndefined();
        expect(fromSecret).toEqual({ name: template?.metadata.name, key: name, optional: true });
      }
    }
  });

  it('then every other variable is the API token from its Secret or a setting the CronJob passes too', () => {
    const container = serveContainerOf(objects);
    const read = new Set([...configs.values()].flatMap(loginVariables).flatMap((name) => [name, `${name}_FILE`]));
    const others = container.env.filter((v) => !read.has(v.name));
    const token = others.find((v) => v.name === 'EXECUTION_COACH_API_TOKEN');
    expect(token?.valueFrom?.secretKeyRef).toEqual(expect.objectContaining({ key: 'EXECUTION_COACH_API_TOKEN' }));
    expect(others.filter((v) => v !== token)).toEqual(cronJobPlainEnv());
  });

  it('given serve started with the Deployment’s args and environment (on loopback, any port), then it serves every dealership of the ConfigMap, the probe and scrape paths answer, and the token variable is read', async () => {
    const container = serveContainerOf(objects);
    const dir = mkdtempSync(path.join(tmpdir(), 'execution-coach-k8s-'));
    const map = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    // The state files go to this test's folder, not the claim's mount path on this machine (serve opens them at start).
    const mountPath = path.posix.dirname([...configs.values()][0]?.state.path ?? '/var/lib/execution-coach/x.db');
    for (const [file, text] of Object.entries(map.data))
      writeFileSync(path.join(dir, file), text.replaceAll(`${mountPath}/`, `${dir}/`));
    for (const file of Object.keys(map.data)) expect(() => loadConfig(path.join(dir, file))).not.toThrow();
    // The same command with the folder, address and port of this test: the probes come from here, not the cluster.
    const args = container.args.map((arg, i) => {
      const flag = container.args[i - 1];
      if (flag === '--config-dir') return dir;
      if (flag === '--host') return '127.0.0.1';
      if (flag === '--port') return '0';
      return arg;
    });
    const token = 'k8s-test-token-never-printed';
    const serve = await startServe(args, { ...podEnvironment(container, dir), EXECUTION_COACH_API_TOKEN: token });
    try {
      expect(serve.output()).toContain(`Serving ${configs.size} dealerships`);
      for (const file of configs.keys()) expect(serve.output()).toContain(path.join(dir, file));
      expect((await fetch(`${serve.base}${container.livenessProbe.httpGet.path}`)).status).toBe(200);
      expect((await fetch(`${serve.base}${container.readinessProbe.httpGet.path}`)).status).toBe(200);
      const annotations = deploymentOf(objects).spec.template.metadata.annotations;
      const metrics = await fetch(`${serve.base}${annotations['prometheus.io/path'] ?? ''}`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toContain('text/plain');
      // With the token set, a run by hand gets past the 403 (off) and the 401 (wrong token): an unknown org is 404.
      const post = await fetch(`${serve.base}/runs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ org: 'no-such-dealership.yaml' }),
      });
      expect(post.status).toBe(404);
    } finally {
      expect(await serve.stop()).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(serve.output()).not.toContain(token);
  }, 30_000);
});

describe('the Secret template of the CronJob base', () => {
  const secrets = secretTemplatesOf(path.join(K8S, 'base'));
  const cronJob = cronJobOf(kustomize(path.join(K8S, 'base')));
  const [container] = cronJob.spec.jobTemplate.spec.template.spec.containers as unknown as Container[];
  const salesforce = secrets.find((s) => s.metadata.name === 'execution-coach-salesforce');

  it('then every Secret in it validates and holds no values', () => {
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(() => new Secret(secret as never).validate()).not.toThrow();
      expect(Object.values(secret.stringData ?? {}).every((v) => v === '')).toBe(true);
    }
  });

  it('then it names exactly the variables the config reads secrets and logins from, but the key file’s path (the pod mounts the key itself)', () => {
    const config = loadConfig(path.join(ROOT, 'config/dealership.yaml'));
    const { jwtKeyFile, ...others } = config.salesforce.auth.env;
    expect(Object.keys(salesforce?.stringData ?? {}).sort()).toEqual(Object.values(others).sort());
    const keyFile = container?.env.find((v) => v.name === jwtKeyFile)?.value;
    const keySecret = secrets.find((s) => s.metadata.name === 'execution-coach-jwt-key');
    expect(Object.keys(keySecret?.stringData ?? {})).toEqual([path.posix.basename(keyFile ?? '')]);
  });

  it('given the CronJob, then the secrets are files of the read-only Secret volume and the other keys variables from the Secret', () => {
    const config = loadConfig(path.join(ROOT, 'config/dealership.yaml'));
    const secretNames = [config.salesforce.auth.env.accessToken, config.salesforce.auth.env.clientSecret];
    const pod = cronJob.spec.jobTemplate.spec.template.spec as unknown as PodSpec;
    const volume = pod.volumes.find((v) => v.secret?.secretName === salesforce?.metadata.name);
    const mount = container?.volumeMounts.find((m) => m.name === volume?.name);
    expect(mount?.readOnly).toBe(true);
    for (const key of Object.keys(salesforce?.stringData ?? {})) {
      const fromFile = container?.env.find((v) => v.name === `${key}_FILE`)?.value;
      const fromSecret = container?.env.find((v) => v.name === key)?.valueFrom?.secretKeyRef;
      if (secretNames.includes(key))
        expect([fromFile, fromSecret]).toEqual([`${mount?.mountPath ?? ''}/${key}`, undefined]);
      else
        expect([fromFile, fromSecret]).toEqual([undefined, { name: salesforce?.metadata.name, key, optional: true }]);
    }
  });
});
