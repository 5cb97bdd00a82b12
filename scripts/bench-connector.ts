/**
 * Runs one connector sync as a child process (bench-sync.ts) and measures it from outside: the
 * process's wall time from fork to exit, and its resident memory sampled from /proc every few
 * milliseconds (the child cannot sample itself while a long synchronous phase such as the
 * compute holds its only thread). The child's own peak RSS (getrusage) is the figure reported;
 * the samples place memory on the run's timeline.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ChildSet, exited, nextMessage } from './bench-ipc';
import type { OrgReady, SyncResult } from './bench-messages';

/** How often the child's RSS is read from /proc. */
export const RSS_SAMPLE_MS = 50;
/** CPU profile sampling interval: coarse enough to cost the run next to nothing. */
export const PROFILE_INTERVAL_US = 5_000;

const SYNC_CHILD = path.join(__dirname, 'bench-sync.ts');

export interface RssSample {
  atMs: number;
  rssBytes: number;
}

/** The facts of `sync --json` the benchmark uses (src/cli/render-run.ts, runJson). */
export interface SyncJson {
  result: string;
  reads: Array<{ object: string; records: number; deleted: number; pages: number; bad: number; incremental: boolean }>;
  plan: { creates: Array<{ object: string }>; updates: Array<{ object: string }>; unchanged: number } | null;
  writes: { created: number; updated: number; skipped: number; failed: number } | null;
  apiCalls: { read: number; write: number; total: number };
  errors: string[];
}

export interface ConnectorRun {
  result: SyncResult;
  json: SyncJson;
  /** Fork to exit, epoch ms. */
  forkedAtMs: number;
  exitedAtMs: number;
  peakRssBytes: number;
  rss: RssSample[];
  /** The .cpuprofile written by the child, when profiling was asked for. */
  profilePath: string | null;
}

export interface ConnectorOptions {
  cliArgs: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Write a CPU profile into this directory. */
  profileDir?: string;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

/** Only what the connector needs: it logs in with OAuth client credentials, as a server would. */
export function connectorEnv(ready: OrgReady): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    SF_LOGIN_URL: ready.url,
    SF_CLIENT_ID: ready.clientId,
    SF_CLIENT_SECRET: ready.clientSecret,
    SF_DISABLE_LOG_FILE: 'true',
  };
}

export async function runConnector(children: ChildSet, options: ConnectorOptions): Promise<ConnectorRun> {
  const profileFlags = options.profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir, '--cpu-prof-interval', String(PROFILE_INTERVAL_US)]
    : [];
  const measured = await forkCli(children, options.cliArgs, options.env, profileFlags);
  return {
    ...measured,
    json: parseJson(measured.result),
    profilePath: options.profileDir ? mainThreadProfile(options.profileDir) : null,
  };
}

export interface Baseline {
  peakRssBytes: number;
  processMs: number;
}

/**
 * What the connector's process costs before it does any work: Node, tsx and every module of
 * the CLI loaded (`execution-coach --version` loads them all), then exit.
 */
export async function measureBaseline(children: ChildSet): Promise<Baseline> {
  const measured = await forkCli(children, ['--version'], { PATH: process.env.PATH ?? '' }, []);
  return { peakRssBytes: measured.peakRssBytes, processMs: measured.exitedAtMs - measured.forkedAtMs };
}

export type MeasuredProcess = Pick<ConnectorRun, 'result' | 'forkedAtMs' | 'exitedAtMs' | 'peakRssBytes' | 'rss'>;

/** One CLI command in a child process (bench-sync.ts), measured from outside: wall from fork to exit, peak RSS. */
export async function forkCli(
  children: ChildSet,
  cliArgs: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeFlags: readonly string[],
): Promise<MeasuredProcess> {
  const forkedAtMs = epochNow();
  const child = children.fork(SYNC_CHILD, cliArgs, { nodeFlags, env });
  const sampler = sampleRss(child);
  try {
    const result = await nextMessage<SyncResult>(child, 'result');
    await exited(child);
    const peakRssBytes = Math.max(result.maxRssBytes, sampler.peakBytes());
    return { result, forkedAtMs, exitedAtMs: epochNow(), peakRssBytes, rss: sampler.samples };
  } finally {
    sampler.stop();
  }
}

/** A child's resident memory read from /proc every RSS_SAMPLE_MS, until `stop`. */
export function sampleRss(child: ChildProcess): { samples: RssSample[]; peakBytes: () => number; stop: () => void } {
  const samples: RssSample[] = [];
  const timer = setInterval(() => {
    const rssBytes = child.pid === undefined ? null : residentBytes(child.pid);
    if (rssBytes !== null) samples.push({ atMs: epochNow(), rssBytes });
  }, RSS_SAMPLE_MS);
  return {
    samples,
    peakBytes: () => samples.reduce((max, s) => Math.max(max, s.rssBytes), 0),
    stop: () => clearInterval(timer),
  };
}

function parseJson(result: SyncResult): SyncJson {
  try {
    return JSON.parse(result.stdout) as SyncJson;
  } catch {
    const errors = result.markers.filter((m) => m.level === 'error').map((m) => m.message);
    throw new Error(
      `the sync exited ${result.exitCode} without a JSON report${errors.length ? `: ${errors.join('; ')}` : ''}`,
    );
  }
}

/** VmRSS of a process, or its peak (VmHWM), from /proc (Linux); null where there is none. */
export function residentBytes(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Each thread writes its own profile (`CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`);
 * tsx's module loader runs in a worker thread, the connector in thread 0.
 */
export function mainThreadProfile(dir: string): string | null {
  const main = readdirSync(dir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  return main === undefined ? null : path.join(dir, main);
}
