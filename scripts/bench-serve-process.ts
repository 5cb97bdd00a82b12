/**
 * The serve processes of the serve benchmark (bench-serve.ts): `execution-coach serve` started as a child, one run
 * at a time started by hand (the floor's unit), and every dealership's runs as GET /runs reports them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { residentBytes } from './bench-connector';
import { type ChildSet, exited } from './bench-ipc';
import type { ServedRun } from './bench-serve-figures';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
/** GET /runs opens every dealership's state file: once a second keeps that from competing with the runs. */
const POLL_MS = 1_000;
/** One run's end is awaited more closely: it is the floor's unit. */
const SOLO_POLL_MS = 100;
/** A run that has not ended by then is broken, not slow. */
const SOLO_GIVE_UP_MS = 15 * 60_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export interface ServeProcess {
  child: ChildProcess;
  base: string;
  /** Epoch ms when serve said where it listens (its schedule had just started). */
  readyAt: number;
  stderr: () => string;
}

/** `execution-coach serve` as a process of its own (no IPC channel, which would keep it alive after SIGTERM). */
export async function startServe(
  children: ChildSet,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<ServeProcess> {
  const child = children.adopt(
    spawn(process.execPath, [...process.execArgv, CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  let stdout = '';
  let stderr = '';
  // Both pipes are drained for the whole run: a full pipe would block serve's writes.
  child.stdout?.on('data', (chunk: Buffer) => void (stdout = (stdout + chunk.toString('utf8')).slice(-65_536)));
  child.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-65_536)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /on (http:\/\/127\.0\.0\.1:\d+):/.exec(stdout)?.[1];
      if (found !== undefined) {
        clearInterval(timer);
        resolve(found);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`serve exited ${child.exitCode} before listening:\n${stderr}`));
      }
    }, 20);
  });
  return { child, base, readyAt: Date.now(), stderr: () => stderr };
}

interface RunsEntry {
  org: string;
  runs: Array<{ runId: string; startedAt: number; finishedAt: number | null; result: string; apiCalls: number }>;
}

/**
 * Each dealership's first `rounds` runs, oldest first, once every one of them has finished that many (GET /runs
 * lists an org's runs newest first).
 */
export async function servedRuns(
  base: string,
  dealerships: number,
  rounds: number,
  deadline: number,
): Promise<Map<string, ServedRun[]>> {
  for (;;) {
    const entries = (await (await fetch(`${base}/runs`)).json()) as RunsEntry[];
    const oldest = entries.map((entry) => ({ org: entry.org, runs: entry.runs.slice(-rounds).reverse() }));
    const done = ({ runs }: { runs: RunsEntry['runs'] }): boolean =>
      runs.length === rounds && runs.every((run) => run.finishedAt !== null);
    if (oldest.length === dealerships && oldest.every(done)) {
      return new Map(
        oldest.map(({ org, runs }) => [
          org,
          runs.map((run) => ({
            org,
            runId: run.runId,
            startedAt: run.startedAt,
            finishedAt: run.finishedAt ?? 0,
            result: run.result,
            apiCalls: run.apiCalls,
          })),
        ]),
      );
    }
    if (Date.now() > deadline) throw new Error(`not every dealership finished ${rounds} runs in time`);
    await sleep(POLL_MS);
  }
}

/** What GET /runs/:id answers once the run has its row. */
interface RunAnswer {
  run: { finishedAt: number | null; result: string };
}

/**
 * One sync at a time in a serve process of its own: each config started by hand (POST /runs) once the previous run
 * ended, each on a fresh state file as the 20 dealerships' first runs are. A run's time is from the request (its
 * slot taken at once) to its end: what one run holds a slot for. The first run pays the process's cold start (the
 * modules and code paths first used), which the 20 runs share once, so it is the warm-up.
 */
export async function soloRuns(
  children: ChildSet,
  configFiles: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ runs: Array<{ ms: number; result: string }>; peakRssBytes: number; exitCode: number | null }> {
  const token = randomBytes(24).toString('hex');
  const configDir = path.dirname(configFiles[0] ?? '');
  const serve = await startServe(
    children,
    ['serve', '--config-dir', configDir, '--max-concurrent', '1', '--port', '0', '--log-level', 'warn'],
    { ...env, EXECUTION_COACH_API_TOKEN: token },
  );
  const runs: Array<{ ms: number; result: string }> = [];
  for (const org of configFiles) {
    const askedAt = Date.now();
    const response = await fetch(`${serve.base}/runs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ org }),
    });
    if (response.status !== 202) throw new Error(`POST /runs answered ${response.status} for ${org}`);
    const { runId } = (await response.json()) as { runId: string };
    for (;;) {
      const answer = await fetch(`${serve.base}/runs/${runId}`);
      const found = answer.status === 200 ? ((await answer.json()) as RunAnswer).run : null;
      if (found?.finishedAt != null) {
        runs.push({ ms: found.finishedAt - askedAt, result: found.result });
        break;
      }
      if (Date.now() - askedAt > SOLO_GIVE_UP_MS) throw new Error(`the run of ${org} did not end in time`);
      await sleep(SOLO_POLL_MS);
    }
  }
  const peakRssBytes = residentBytes(serve.child.pid ?? 0, 'VmHWM') ?? 0;
  serve.child.kill('SIGTERM');
  return { runs, peakRssBytes, exitCode: await exited(serve.child) };
}
