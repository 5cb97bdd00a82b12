/**
 * `npm run bench:analyze`, and a part of `npm run bench` (`--no-analyze` leaves it out): `execution-coach analyze`
 * on a store with a year of history (issue 12: ≥ 1M activity records analysed in under 10 s, peak RSS ≤ 512 MB).
 *
 * The state is made the way a dealership's would be: the sandbox is seeded in a child process (bench-org.ts) with
 * 365 days of the demo dealership at a scale that gives ≥ 1M activity records (Task + Event) in that year, and one
 * initial `sync --live` through the real connector reads it all into a state file (a config copy with
 * sync.backfillDays 365; retention then keeps that year). The org is stopped (analyze makes no call to Salesforce),
 * dist/ is built from the current source, and `analyze --json` runs --runs times as a dealership runs it: the built
 * CLI under plain Node, each run a process of its own (bench-built.ts), measured from outside: wall from spawn to
 * exit (Node's start-up and the CLI's module loading included) and peak RSS. The first run is CPU-profiled (coarse
 * sampling) unless --no-profile is given. Exits 0 whatever the figures (a measurement), 1 only if the benchmark
 * broke.
 *
 * Options (alone): --scale N (21), --reps N (12), --seed N (1), --runs N (3), --no-profile, --keep (keep the scratch
 * directory: the config copy, the state file, the CPU profile).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { type AnalysisJson, type AnalyzeRun, analyzeFigures, analyzeLine, analyzeReport } from './bench-analyze-report';
import { buildCli, runBuiltCli } from './bench-built';
import { connectorEnv, mainThreadProfile, PROFILE_INTERVAL_US, runConnector } from './bench-connector';
import { mb } from './bench-figures';
import { ask, type ChildSet, nextMessage } from './bench-ipc';
import { withBenchScratch } from './bench-scratch';
import type { OrgReady } from './bench-messages';
import { recordCountsTable } from './bench-report';

const ROOT = path.resolve(__dirname, '..');
const CONFIG_FILE = path.join(ROOT, 'config/dealership.yaml');
const ORG_CHILD = path.join(__dirname, 'bench-org.ts');

export interface AnalyzeBenchOptions {
  scale: number;
  reps: number;
  seed: number;
  runs: number;
  profile: boolean;
}

/**
 * A year: 365 days. Scale 21 with 12 reps and seed 1 is the smallest whole scale that gives ≥ 1,000,000 Task + Event
 * rows in 365 days (20 gives 993,422; 21 gives 1,043,224): the 1M store's volume spread over four times the weeks.
 */
export const ANALYZE_BENCH_DEFAULTS: AnalyzeBenchOptions = { scale: 21, reps: 12, seed: 1, runs: 3, profile: true };
const YEAR_DAYS = 365;
const MIN_ACTIVITY = 1_000_000;
/** The same end of history as the other stores: Friday 2026-11-20, 11:00 in Chicago; the sync an hour later. */
const SEEDED_AT = Date.parse('2026-11-20T17:00:00.000Z');
const RUN_AT = SEEDED_AT + 3_600_000;
const API_LIMIT = 10_000_000;
/** The year's ~2.1M rows are fewer than the 1M store's ~2.5M, for which the sandbox is given this heap. */
const ORG_HEAP_MB = 8_192;

const iso = (ms: number): string => new Date(ms).toISOString();
const progress = (text: string): void => void process.stderr.write(`[bench:analyze] ${text}\n`);

/** The year-long state: seeded, synced once through the connector, the org stopped. */
async function prepareState(
  children: ChildSet,
  scratch: string,
  options: AnalyzeBenchOptions,
): Promise<{ configFile: string; statePath: string; summary: string }> {
  progress(
    `seeding the sandbox: seed ${options.seed}, ${options.reps} reps, scale ${options.scale}, ${YEAR_DAYS} days…`,
  );
  const child = children.fork(
    ORG_CHILD,
    [
      ...['--seed', String(options.seed), '--reps', String(options.reps), '--scale', String(options.scale)],
      ...['--seeded-at', iso(SEEDED_AT), '--api-limit', String(API_LIMIT), '--days', String(YEAR_DAYS)],
    ],
    { nodeFlags: [`--max-old-space-size=${ORG_HEAP_MB}`] },
  );
  const ready = await nextMessage<OrgReady>(child, 'ready');
  const activity = (ready.counts.Task ?? 0) + (ready.counts.Event ?? 0);
  const configFile = path.join(scratch, 'config-year.yaml');
  const document = parseDocument(readFileSync(CONFIG_FILE, 'utf8'));
  document.setIn(['sync', 'backfillDays'], YEAR_DAYS);
  writeFileSync(configFile, String(document));
  const statePath = path.join(scratch, 'state-year.db');
  progress(`seeded in ${(ready.seedMs / 1000).toFixed(1)} s; syncing the year into ${statePath}…`);
  const clock = { kind: 'clock', now: RUN_AT };
  await ask(child, clock);
  const sync = await runConnector(children, {
    cliArgs: ['sync', '--config', configFile, '--state', statePath, '--live', '--json', '--now', iso(RUN_AT)],
    env: connectorEnv(ready),
  });
  if (sync.json.result !== 'ok')
    throw new Error(`the year's sync ended ${sync.json.result}: ${sync.json.errors.join('; ')}`);
  // analyze makes no call to the org: its memory and CPU are not the analysis's.
  await ask(child, { kind: 'stop' });
  const read = sync.json.reads.reduce((sum, r) => sum + r.records + r.deleted, 0);
  const syncMs = sync.result.commandEndMs - sync.result.commandStartMs;
  const short = activity < MIN_ACTIVITY ? `  <-- BELOW the ${MIN_ACTIVITY.toLocaleString('en-US')} asked for` : '';
  const summary = [
    `Sandbox seeded in ${(ready.seedMs / 1000).toFixed(1)} s (seed ${options.seed}, ${options.reps} reps, scale ${options.scale}, ${YEAR_DAYS} days of history to ${iso(SEEDED_AT)}):`,
    recordCountsTable(ready.counts),
    `Activity records (Task + Event): ${activity.toLocaleString('en-US')}${short}`,
    `The state: one initial sync --live (sync.backfillDays ${YEAR_DAYS}) read ${read.toLocaleString('en-US')} records in ${(syncMs / 1000).toFixed(1)} s, peak RSS ${mb(sync.peakRssBytes)}.`,
    '',
  ].join('\n');
  return { configFile, statePath, summary };
}

async function analyzeOnce(
  children: ChildSet,
  state: { configFile: string; statePath: string },
  profileDir: string | null,
): Promise<AnalyzeRun> {
  const flags = profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', String(PROFILE_INTERVAL_US)]
    : [];
  const cliArgs = ['analyze', '--config', state.configFile, '--state', state.statePath, '--json', '--now', iso(RUN_AT)];
  const env = { PATH: process.env.PATH ?? '', HOME: tmpdir() };
  const measured = await runBuiltCli(children, path.dirname(state.statePath), cliArgs, env, flags);
  if (measured.result.exitCode !== 0)
    throw new Error(`analyze exited ${measured.result.exitCode}: ${measured.result.stdout.slice(0, 500)}`);
  return {
    process: measured,
    json: JSON.parse(measured.result.stdout) as AnalysisJson,
    profilePath: profileDir ? mainThreadProfile(profileDir) : null,
  };
}

export interface AnalyzeBenchResult {
  report: string;
  line: string;
}

export async function benchAnalyze(
  children: ChildSet,
  scratch: string,
  options: AnalyzeBenchOptions,
): Promise<AnalyzeBenchResult> {
  const state = await prepareState(children, scratch, options);
  progress('building dist/ from the current source (the CLI a dealership runs)…');
  progress(`built in ${(buildCli() / 1000).toFixed(1)} s`);
  const runs: AnalyzeRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    const profileDir = options.profile && i === 0 ? path.join(scratch, 'profile-analyze') : null;
    if (profileDir) mkdirSync(profileDir);
    const run = await analyzeOnce(children, state, profileDir);
    progress(
      `analyze ${i + 1}/${options.runs}: ${((run.process.exitedAtMs - run.process.forkedAtMs) / 1000).toFixed(2)} s, peak RSS ${mb(run.process.peakRssBytes)}`,
    );
    runs.push(run);
  }
  const report = analyzeReport(runs, { stateBytes: statSync(state.statePath).size });
  return {
    report: `\n===== analyze: a year of history =====\n${state.summary}${report}`,
    line: analyzeLine(analyzeFigures(runs), runs.length),
  };
}

function parseOptions(argv: readonly string[]): AnalyzeBenchOptions & { keep: boolean } {
  const numberAfter = (name: string, fallback: number): number => {
    const index = argv.indexOf(`--${name}`);
    if (index < 0) return fallback;
    const value = Number(argv[index + 1]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
    return value;
  };
  const d = ANALYZE_BENCH_DEFAULTS;
  return {
    scale: numberAfter('scale', d.scale),
    reps: numberAfter('reps', d.reps),
    seed: numberAfter('seed', d.seed),
    runs: numberAfter('runs', d.runs),
    profile: !argv.includes('--no-profile'),
    keep: argv.includes('--keep'),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  await withBenchScratch('execution-coach-bench-analyze-', options.keep, progress, async ({ children, scratch }) => {
    const result = await benchAnalyze(children, scratch, options);
    process.stdout.write(result.report);
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
