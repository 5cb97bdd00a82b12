/**
 * `execution-coach` as a dealership runs it: the built CLI (`dist/cli/main.js`, what `npx execution-coach` starts)
 * under plain Node, rather than tsx over the sources, whose loader adds about 0.9 s to every start on this machine.
 * `buildCli` compiles dist from the current source first, so what is measured is what is checked out.
 *
 * The process is measured from outside as forkCli measures bench-sync.ts (wall from spawn to exit, resident memory
 * from /proc), and a hook preloaded with `-r` writes, as the process exits, what only the process knows: its CPU time,
 * its peak RSS (getrusage) and when the CLI's modules were loaded and the command began (the return of main.js's
 * `require('./program')`), so that "the command" means the same as in bench-sync.ts.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type MeasuredProcess, sampleRss } from './bench-connector';
import type { ChildSet } from './bench-ipc';
import type { SyncResult } from './bench-messages';

const ROOT = path.resolve(__dirname, '..');
const BUILT_MAIN = path.join(ROOT, 'dist/cli/main.js');

/** Written into the scratch folder and preloaded; plain CommonJS, as Node loads it with `-r`. */
const EXIT_HOOK = `
const { writeFileSync } = require('node:fs');
const Module = require('node:module');
const epochNow = () => performance.timeOrigin + performance.now();
const clockAnchor = { epochMs: epochNow(), monotonicUs: Number(process.hrtime.bigint() / 1000n) };
let commandStartMs = null;
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  if (commandStartMs === null && request === './program' && parent && parent.id === '.') commandStartMs = epochNow();
  return loaded;
};
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_EXIT_FILE, JSON.stringify({
    commandStartMs, commandEndMs: epochNow(), maxRssBytes: usage.maxRSS * 1024,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, clockAnchor,
  }));
});
`;

type ExitFacts = Pick<SyncResult, 'commandStartMs' | 'commandEndMs' | 'maxRssBytes' | 'cpuMs' | 'clockAnchor'>;

const epochNow = (): number => performance.timeOrigin + performance.now();

/** Compiles dist/ from the current source (`npm run build`'s tsc); returns how long it took, in ms. */
export function buildCli(): number {
  const started = epochNow();
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  return epochNow() - started;
}

/** One command of the built CLI in a process of its own, measured as forkCli measures a tsx child. */
export async function runBuiltCli(
  children: ChildSet,
  scratch: string,
  cliArgs: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeFlags: readonly string[],
): Promise<MeasuredProcess> {
  const hook = path.join(scratch, 'bench-exit-hook.js');
  const exitFile = path.join(scratch, 'bench-exit.json');
  writeFileSync(hook, EXIT_HOOK);
  writeFileSync(exitFile, '');
  const forkedAtMs = epochNow();
  const child = children.adopt(
    spawn(process.execPath, [...nodeFlags, '-r', hook, BUILT_MAIN, ...cliArgs], {
      env: { ...env, BENCH_EXIT_FILE: exitFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const sampler = sampleRss(child);
  try {
    const exitCode = await closed(child);
    const exitedAtMs = epochNow();
    const facts = JSON.parse(readFileSync(exitFile, 'utf8')) as ExitFacts;
    const result: SyncResult = {
      kind: 'result',
      exitCode,
      stdout,
      ...facts,
      // Never null once main.js has loaded the program; a CLI that failed before that has no command time.
      commandStartMs: facts.commandStartMs ?? forkedAtMs,
      markers: [],
      heap: [],
      io: null,
    };
    const peakRssBytes = Math.max(result.maxRssBytes, sampler.peakBytes());
    return { result, forkedAtMs, exitedAtMs, peakRssBytes, rss: sampler.samples };
  } finally {
    sampler.stop();
  }
}

/** The exit code once the process has ended and its output is read; a process killed by a signal rejects. */
function closed(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === null) reject(new Error(`the built CLI was killed by ${String(signal)}`));
      else resolve(code);
    });
  });
}
