/**
 * End-to-end support: the sandbox org (seeded demo dealership) on 127.0.0.1, and the product's
 * own CLI commands run against it over real HTTP, in process or as a child process. The clocks
 * are pinned so that results do not depend on the day the tests run: the sandbox's clock starts
 * at SEEDED_AT (a Friday, mid-morning in Chicago) and runs in real time; the connector runs
 * with `--now` a little later on the same day.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/program';
import type { CliContext } from '../../src/cli/context';
import type { SfRecord } from '../../src/core/model';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/server';

export const ROOT = path.resolve(__dirname, '../..');
export const CONFIG = path.join(ROOT, 'config/dealership.yaml');
/** The demo history ends here: Friday 2026-11-20, 11:00 in Chicago. */
export const SEEDED_AT = '2026-11-20T17:00:00.000Z';
/** `--now` of the n-th run (0-based): an hour after seeding, then a minute apart, same day. */
export const runAt = (n: number): string => new Date(Date.parse(SEEDED_AT) + 3_600_000 + n * 60_000).toISOString();

/**
 * Every secret of an e2e org carries this text: the client secret, the users' password, the admin token and every
 * access and refresh token the sandbox issues. Any of them, or a piece of one that holds it, is found by it wherever
 * it leaked; `close` looks through everything the org's runs printed and every file they left.
 */
export const SENTINEL = 'LeakSentinel7Q';

/** Everything the CLI printed in this test file (stdout and stderr of each run, in process or as a child). */
const printed: string[] = [];

/** Where the sentinel appears: the runs printed so far, and every file under `dir` (state, its journal, pages). */
export function leaksOf(dir: string): string[] {
  const leaks = printed.flatMap((text, n) => (text.includes(SENTINEL) ? [`the output of run ${n + 1}`] : []));
  const files = (under: string): string[] =>
    readdirSync(under, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(under, entry.name);
      return entry.isDirectory() ? files(full) : [full];
    });
  for (const file of files(dir)) if (readFileSync(file).includes(SENTINEL)) leaks.push(file);
  return leaks;
}

export interface DemoOrg {
  sandbox: RunningSandbox;
  /** Environment a connector needs to log in (OAuth client credentials against the sandbox). */
  env: Record<string, string>;
  /** A scratch directory for state files, removed by `close` (which fails if a secret leaked into it). */
  dir: string;
  statePath: string;
  close(): Promise<void>;
}

/** Starts the seeded sandbox; `options` adds faults, latency, limits. */
export async function startDemoOrg(options: SandboxOptions = {}): Promise<DemoOrg> {
  const sandbox = await startSandbox({
    port: 0,
    now: SEEDED_AT,
    seed: { seed: 1 },
    clientSecret: `client-secret-${SENTINEL}`,
    userPassword: `password-${SENTINEL}`,
    adminToken: `admin-${SENTINEL}`,
    tokenMarker: SENTINEL,
    ...options,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'execution-coach-e2e-'));
  return {
    sandbox,
    env: {
      SF_LOGIN_URL: sandbox.url,
      SF_CLIENT_ID: sandbox.clientId,
      SF_CLIENT_SECRET: sandbox.clientSecret,
      SF_DISABLE_LOG_FILE: 'true',
    },
    dir,
    statePath: path.join(dir, 'state.db'),
    async close() {
      await sandbox.close();
      const leaks = leaksOf(dir);
      printed.length = 0;
      rmSync(dir, { recursive: true, force: true });
      if (leaks.length > 0) throw new Error(`A secret of the e2e org leaked into ${leaks.join(', ')}`);
    },
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with a captured context (fast; for most tests). */
export async function cli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    env,
    cwd: ROOT,
    isTTY: false,
  };
  const code = await runCli(args, ctx);
  printed.push(stdout + stderr);
  return { code, stdout, stderr };
}

/** `sync --live --json` of the n-th run against the org, parsed. */
export async function syncJson(
  org: DemoOrg,
  n: number,
  extra: readonly string[] = [],
): Promise<CliRun & { report: SyncJson }> {
  const run = await cli(
    [
      'sync',
      '--config',
      CONFIG,
      '--state',
      org.statePath,
      '--live',
      '--json',
      '--now',
      runAt(n),
      '--log-level',
      'warn',
      ...extra,
    ],
    org.env,
  );
  const report = (run.stdout.trim() ? JSON.parse(run.stdout) : {}) as SyncJson;
  return { ...run, report };
}

/** The shape of `sync --json` (see src/cli/render-run.ts). */
export interface SyncJson {
  result: string;
  reads: Array<{ object: string; records: number; deleted: number; pages: number; incremental: boolean }>;
  findings: Array<{ repId: string; measure: string; diagnosis: string; isFocus: boolean }>;
  /** Null when the run had nothing to compute (see unchangedSince). */
  plan: {
    creates: Array<{ object: string; key: string }>;
    updates: Array<{ object: string; key: string }>;
    unchanged: number;
  };
  writes: { created: number; updated: number; skipped: number; failed: number } | null;
  unchangedSince: string | null;
  apiCalls: { read: number; write: number; total: number };
  errors: string[];
}

/** Records of a SOQL query run inside the sandbox (no API call is counted). */
export function query(org: DemoOrg, soql: string): SfRecord[] {
  const outcome = org.sandbox.org.queries.run(soql, { scanAll: false });
  if (outcome.kind !== 'records') throw new Error(`not a record query: ${soql}`);
  return outcome.records.map((record) => outcome.projection.project(record, '62.0') as SfRecord);
}

/** Fields the org sets itself (ids, names, stamps): they differ between two orgs whatever was written. */
export const SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  'attributes',
  'Id',
  'Name',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
]);

/**
 * What the org holds of the product's writes (flags, the tasks it keyed, scorecards, effectiveness) without ids
 * and system fields, sorted: two orgs that went through the same story compare equal.
 */
export function productRecords(org: DemoOrg): string[] {
  const all = (object: string): string => {
    const type = org.sandbox.org.catalog.object(object);
    if (!type) throw new Error(`no ${object} in the sandbox`);
    // Long text cannot be filtered on, but it can be selected; the sandbox has no FIELDS(ALL).
    return type.fields.map((f) => f.name).join(', ');
  };
  const flags = query(org, `SELECT ${all('Coaching_Flag__c')} FROM Coaching_Flag__c`);
  const tasks = query(org, `SELECT ${all('Task')} FROM Task WHERE Coaching_Key__c != null`);
  const scorecards = query(org, `SELECT ${all('Coaching_Scorecard__c')} FROM Coaching_Scorecard__c`);
  const effectiveness = query(org, `SELECT ${all('Coaching_Effectiveness__c')} FROM Coaching_Effectiveness__c`);
  const strip = (record: SfRecord): string => {
    const kept = Object.entries(record)
      .filter(([key]) => !SYSTEM_FIELDS.has(key))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.stringify(Object.fromEntries(kept));
  };
  return [...flags, ...tasks, ...scorecards, ...effectiveness].map(strip).sort();
}

/** A CLI child process started by `startCli`. */
export interface CliProcess {
  readonly pid: number;
  /** SIGKILL: no handler runs, nothing is flushed or released (a crash, the OOM killer). */
  kill(): void;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Runs the CLI as ONE child process (`node --import tsx`), so that a kill reaches the process
 * doing the work. (The tsx command line runs the script in a second,
 * grandchild process and relays only catchable signals: a SIGKILL stops the wrapper while the
 * CLI runs on to completion.)
 */
export function startCli(args: readonly string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        printed.push(stdout + stderr);
        resolve({ code, signal, stdout, stderr });
      });
    },
  );
  if (child.pid === undefined) throw new Error('the CLI could not be started');
  return { pid: child.pid, kill: () => void child.kill('SIGKILL'), done };
}
