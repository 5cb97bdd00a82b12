/**
 * The soak's connector processes. The CLI is compiled once into a scratch package (dist/ with config, manifests,
 * package.json and node_modules linked beside it, the layout `npm install` gives) and each run is `node
 * dist/cli/main.js sync …` in a process of its own: a SIGKILL reaches the process doing the work, and its peak
 * memory is its own. Compiled, a process starts in about a second and a half instead of tsx's three and a half,
 * which is most of an incremental run.
 *
 * As root, permissions stop nobody, so a read-only state directory would not be one: the runs then go as the
 * user `nobody` and the state directory is given to it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { residentBytes } from './bench-connector';

const ROOT = path.resolve(__dirname, '..');
/** How often the child's peak RSS (VmHWM) is read: the last reading before exit is its peak to within this. */
const SAMPLE_MS = 25;
const NOBODY = 65_534;

export interface CliBuild {
  main: string;
  close(): void;
}

/** Compiles the CLI into a scratch package (tsc, about 20 s). */
export function buildCli(): CliBuild {
  const dir = mkdtempSync(path.join(tmpdir(), 'execution-coach-soak-build-'));
  chmodSync(dir, 0o755);
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', `${dir}/dist`], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  for (const name of ['package.json', 'config', 'manifests', 'node_modules']) {
    symlinkSync(path.join(ROOT, name), path.join(dir, name));
  }
  return { main: path.join(dir, 'dist/cli/main.js'), close: () => rmSync(dir, { recursive: true, force: true }) };
}

const asRoot = process.getuid?.() === 0;

/** Makes `dir` the runs' own (see the module comment). */
export function giveToRuns(dir: string): void {
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  peakRssBytes: number;
  /** CPU time (user + system) as last read before exit: what the run costs whatever the machine's load. */
  cpuMs: number;
  ms: number;
}

export interface RunningChild {
  kill(): void;
  readonly done: Promise<ChildRun>;
}

export function startChild(build: CliBuild, args: readonly string[], env: Record<string, string>): RunningChild {
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [build.main, ...args], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let stdout = '';
  let stderr = '';
  let peak = 0;
  let cpuMs = 0;
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const sample = (): void => {
    const bytes = child.pid === undefined ? null : residentBytes(child.pid, 'VmHWM');
    if (bytes !== null) peak = Math.max(peak, bytes);
    const cpu = child.pid === undefined ? null : cpuTimeMs(child.pid);
    if (cpu !== null) cpuMs = cpu;
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const done = new Promise<ChildRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stdout, stderr, peakRssBytes: peak, cpuMs, ms: Date.now() - started });
    });
  });
  return { kill: () => void child.kill('SIGKILL'), done };
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process from /proc (Linux), in ms; null once it is gone. */
function cpuTimeMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
