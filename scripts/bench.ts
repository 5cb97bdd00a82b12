/**
 * `npm run bench`: the connector against the sandbox org seeded at scale, against the README's targets.
 *
 * For each store size (bench-sizes.ts: 1M, then 3M activity records), a child process runs the sandbox with the
 * demo dealership at a scale that gives that many activity records (Task + Event) plus leads, opportunities and
 * their history, its clock frozen and moved by this script, so every run of the benchmark sees the same data. Then
 * three syncs run through the product's CLI (`sync --live --json --now …`), each in a process of
 * its own so that its peak RSS is the connector's alone:
 *   1. initial: the backfill (Bulk API 2.0 above sync.bulkThreshold), computing, writing back;
 *   2. 1% changed: after 1% of the records changed during the hour (bench-changes.ts);
 *   3. no change: an hour later, nothing changed in the org but the previous run's writes.
 * Before each sync the floor is measured: the same queries' pages fetched and JSON.parse'd by a
 * bare loop (bench-floor.ts). The initial run is CPU-profiled (coarse sampling) unless
 * --no-profile is given. Prints the figures, PASS/MISS per target and where time and memory
 * went; exits 0 whatever the figures (it is a measurement), 1 only if the benchmark broke.
 *
 * A table then sets the sizes side by side. Then `analyze` runs on a store with a year of history at ≥ 1M activity
 * records, synced into a state file of its own the same way (bench-analyze.ts; alone: `npm run bench:analyze`;
 * `--no-analyze` leaves it out). Then, with the big orgs stopped, `serve` keeps the schedule of a fleet
 * of dealerships against a small org that answers every call late (bench-serve.ts; alone: `npm run bench:serve`). A
 * served dealership that waited past its interval, a run that failed, two runs of one dealership at once or more runs
 * at once than --max-concurrent also exit 1: a broken guarantee of the scheduler, not a slow figure.
 *
 * Options: --sizes 1M,3M (default both), --scale N (default 83), --reps N (12), --seed N (1), --no-profile,
 * --no-analyze, --no-serve, --keep (keep the scratch directory: state files, config copies, CPU profiles).
 * Experiments (the README's figures use neither): --bulk-threshold N (a config copy with this sync.bulkThreshold;
 * above the biggest object, the backfill reads REST like the floor), --state-dir DIR (the state files on another
 * file system, e.g. /dev/shm to take the disk out of the figures).
 */
import { machineLine } from './bench-scratch';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { type Config, loadConfig, toCoachModel } from '../src/config';
import type { CoachModel } from '../src/core';
import type { ChangePlan } from './bench-changes';
import { ANALYZE_BENCH_DEFAULTS, benchAnalyze } from './bench-analyze';
import { type Baseline, connectorEnv, measureBaseline, runConnector } from './bench-connector';
import { type BenchedRun, mb, type RunName } from './bench-figures';
import { floorQueries, measureFloor } from './bench-floor';
import { ask, ChildSet, nextMessage } from './bench-ipc';
import type { ChangeAnswer, OrgReady, TokenAnswer, UsageAnswer } from './bench-messages';
import { fullReport, recordCountsTable, table } from './bench-report';
import { benchServe, SERVE_BENCH_DEFAULTS } from './bench-serve';
import { growthTable, type MeasuredSize, sizesNamed, type StoreSize } from './bench-sizes';

const ROOT = path.resolve(__dirname, '..');
const CONFIG_FILE = path.join(ROOT, 'config/dealership.yaml');
const ORG_CHILD = path.join(__dirname, 'bench-org.ts');

/**
 * Scale 83 with 12 reps and seed 1 is the smallest that gives ≥ 1,000,000 Task + Event rows in 90 days (82 gives
 * 999,235); 270 days give 3,062,778.
 */
const DEFAULT_SCALE = 83;
const DEFAULT_REPS = 12;
const DEFAULT_SEED = 1;
/** The demo history ends here: Friday 2026-11-20, 11:00 in Chicago. Runs follow hourly, as scheduled. */
const SEEDED_AT = Date.parse('2026-11-20T17:00:00.000Z');
const RUN_EVERY_MS = 3_600_000;
/** Far above what three runs use: the budget guard must never be what stops a run here. */
const API_LIMIT = 10_000_000;
/** The sandbox holds ~2.5M rows and their indexes in memory at 1M activity records, three times that at 3M. */
const ORG_HEAP_MB_PER_90_DAYS = 8_192;
const FLOOR_BATCH_SIZE = 2_000;
const CHANGE_SHARE = 0.01;
/** The changes arrive during the hour between runs 1 and 2, in this many steps of the org's clock. */
const CHANGE_STEPS = 60;

interface Options {
  scale: number;
  reps: number;
  seed: number;
  profile: boolean;
  keep: boolean;
  analyze: boolean;
  serve: boolean;
  sizes: StoreSize[];
  bulkThreshold: number | null;
  stateDir: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const textAfter = (name: string): string | null => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? (argv[index + 1] ?? '') : null;
  };
  const numberAfter = (name: string): number | null => {
    const text = textAfter(name);
    if (text === null) return null;
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
    return value;
  };
  return {
    scale: numberAfter('scale') ?? DEFAULT_SCALE,
    reps: numberAfter('reps') ?? DEFAULT_REPS,
    seed: numberAfter('seed') ?? DEFAULT_SEED,
    profile: !argv.includes('--no-profile'),
    keep: argv.includes('--keep'),
    analyze: !argv.includes('--no-analyze'),
    serve: !argv.includes('--no-serve'),
    sizes: sizesNamed(textAfter('sizes')),
    bulkThreshold: numberAfter('bulk-threshold'),
    stateDir: textAfter('state-dir'),
  };
}

const runAt = (index: number): number => SEEDED_AT + (index + 1) * RUN_EVERY_MS;
const iso = (ms: number): string => new Date(ms).toISOString();
const progress = (text: string): void => void process.stderr.write(`[bench] ${text}\n`);

interface Org {
  ready: OrgReady;
  ask<T extends { kind: string }>(message: { kind: string } & Record<string, unknown>): Promise<T>;
}

async function startOrg(children: ChildSet, options: Options, size: StoreSize): Promise<Org> {
  const child = children.fork(
    ORG_CHILD,
    [
      '--seed',
      String(options.seed),
      '--reps',
      String(options.reps),
      '--scale',
      String(options.scale),
      '--seeded-at',
      iso(SEEDED_AT),
      '--api-limit',
      String(API_LIMIT),
      '--days',
      String(size.days),
    ],
    { nodeFlags: [`--max-old-space-size=${Math.ceil((ORG_HEAP_MB_PER_90_DAYS * size.days) / 90)}`] },
  );
  const ready = await nextMessage<OrgReady>(child, 'ready');
  return { ready, ask: (message) => ask(child, message) };
}

interface Bench {
  org: Org;
  configFile: string;
  config: Config;
  model: CoachModel;
  statePath: string;
  scratch: string;
  children: ChildSet;
  options: Options;
}

async function benchRun(
  bench: Bench,
  name: RunName,
  index: number,
  changed: BenchedRun['changed'],
): Promise<BenchedRun> {
  const now = runAt(index);
  await bench.org.ask({ kind: 'clock', now });
  const queries = floorQueries(bench.model, bench.config.sync, bench.statePath, now);
  const { accessToken } = await bench.org.ask<TokenAnswer>({ kind: 'token' });
  const floor = await measureFloor(
    {
      url: bench.org.ready.url,
      apiVersion: bench.config.salesforce.apiVersion,
      accessToken,
      pageSize: FLOOR_BATCH_SIZE,
    },
    queries,
  );
  progress(
    `${name}: floor ${floor.records.toLocaleString('en-US')} records in ${(floor.ms / 1000).toFixed(1)} s; running the sync…`,
  );
  const before = await bench.org.ask<UsageAnswer>({ kind: 'usage' });
  const profileDir = bench.options.profile ? path.join(bench.scratch, `profile-${index}`) : undefined;
  if (profileDir) mkdirSync(profileDir);
  const run = await runConnector(bench.children, {
    cliArgs: [
      'sync',
      '--config',
      bench.configFile,
      '--state',
      bench.statePath,
      '--live',
      '--json',
      '--now',
      iso(now),
      '--log-level',
      'debug',
    ],
    env: connectorEnv(bench.org.ready),
    ...(profileDir ? { profileDir } : {}),
  });
  const after = await bench.org.ask<UsageAnswer>({ kind: 'usage' });
  progress(
    `${name}: sync ${run.json.result} in ${((run.result.commandEndMs - run.result.commandStartMs) / 1000).toFixed(1)} s, peak RSS ${mb(run.peakRssBytes)}`,
  );
  return {
    name,
    run,
    floor,
    orgCalls: { total: after.total - before.total, byKind: diff(after.byKind, before.byKind) },
    changed,
  };
}

function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, n] of Object.entries(after)) if (n - (before[kind] ?? 0) > 0) out[kind] = n - (before[kind] ?? 0);
  return out;
}

const activityOf = (ready: OrgReady): number => (ready.counts.Task ?? 0) + (ready.counts.Event ?? 0);

function seedSummary(ready: OrgReady, options: Options, size: StoreSize): string {
  const activity = activityOf(ready);
  const short =
    activity < size.minActivity
      ? `  <-- BELOW the ${size.minActivity.toLocaleString('en-US')} the ${size.name} store stands for`
      : '';
  return [
    '',
    `===== ${size.name} store =====`,
    `Sandbox seeded in ${(ready.seedMs / 1000).toFixed(1)} s (seed ${options.seed}, ${options.reps} reps, scale ${options.scale}, ${size.days} days of history to ${iso(SEEDED_AT)}, clock frozen):`,
    recordCountsTable(ready.counts),
    `Activity records (Task + Event): ${activity.toLocaleString('en-US')}${short}`,
    '',
  ].join('\n');
}

/**
 * The product's config, or a copy that reads the size's whole history on the first run (sync.backfillDays) or has
 * another sync.bulkThreshold (an experiment).
 */
function configFor(options: Options, size: StoreSize, scratch: string): string {
  const product = loadConfig(CONFIG_FILE, { cwd: ROOT });
  if (options.bulkThreshold === null && product.sync.backfillDays === size.days) return CONFIG_FILE;
  const document = parseDocument(readFileSync(CONFIG_FILE, 'utf8'));
  document.setIn(['sync', 'backfillDays'], size.days);
  if (options.bulkThreshold !== null) document.setIn(['sync', 'bulkThreshold'], options.bulkThreshold);
  const copy = path.join(scratch, `config-${size.name}.yaml`);
  writeFileSync(copy, String(document));
  return copy;
}

/** One store size: seed its org, run the three syncs, print their report, stop the org. */
async function benchSize(options: Options, size: StoreSize, dirs: Dirs, children: ChildSet): Promise<MeasuredSize> {
  // Each size's config copy, state file and CPU profiles apart from the other's.
  const scratch = path.join(dirs.scratch, size.name);
  mkdirSync(scratch);
  const configFile = configFor(options, size, scratch);
  const config = loadConfig(configFile, { cwd: ROOT });
  progress(
    `${size.name}: seeding the sandbox: seed ${options.seed}, ${options.reps} reps, scale ${options.scale}, ${size.days} days…`,
  );
  const org = await startOrg(children, options, size);
  process.stdout.write(seedSummary(org.ready, options, size));
  const bench: Bench = {
    org,
    configFile,
    config,
    model: toCoachModel(config),
    statePath: path.join(dirs.state, `state-${size.name}.db`),
    scratch,
    children,
    options,
  };
  if (configFile !== CONFIG_FILE)
    progress(
      `${size.name}: config copy ${configFile} (sync.backfillDays ${config.sync.backfillDays}, bulkThreshold ${config.sync.bulkThreshold})`,
    );
  const runs: BenchedRun[] = [await benchRun(bench, 'initial', 0, null)];
  const plan: ChangePlan = {
    share: CHANGE_SHARE,
    from: runAt(0) + 60_000,
    to: runAt(1) - 60_000,
    batches: CHANGE_STEPS,
  };
  const { changed } = await org.ask<ChangeAnswer>({ kind: 'change', ...plan });
  runs.push(await benchRun(bench, '1% changed', 1, changed));
  runs.push(await benchRun(bench, 'no change', 2, null));
  const { peakRssBytes } = await org.ask<UsageAnswer>({ kind: 'usage' });
  process.stdout.write(fullReport(runs, { orgPeakRssBytes: peakRssBytes, baseline: dirs.baseline }));
  process.stdout.write(
    `\n${table(
      ['run', '--now'],
      runs.map((r, i) => [r.name, iso(runAt(i))]),
    )}\n`,
  );
  // The next size's org, and the serve benchmark's, need this one's memory.
  await org.ask({ kind: 'stop' });
  return { size, activity: activityOf(org.ready), runs };
}

interface Dirs {
  scratch: string;
  state: string;
  baseline: Baseline;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const children = new ChildSet();
  const scratch = mkdtempSync(path.join(tmpdir(), 'execution-coach-bench-'));
  const stateDir =
    options.stateDir === null ? scratch : mkdtempSync(path.join(options.stateDir, 'execution-coach-bench-'));
  const cleanUp = (): void => {
    children.killAll();
    if (options.keep) return;
    rmSync(scratch, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  try {
    progress(machineLine(scratch));
    if (stateDir !== scratch) progress(`experiment: state files in ${stateDir}`);
    const dirs: Dirs = { scratch, state: stateDir, baseline: await measureBaseline(children) };
    const measured: MeasuredSize[] = [];
    for (const size of options.sizes) measured.push(await benchSize(options, size, dirs, children));
    if (measured.length > 1) process.stdout.write(`\n===== The sizes side by side =====\n${growthTable(measured)}\n`);
    if (options.analyze) {
      // Its own org (a year at a smaller scale) and state: the sizes' orgs are stopped by now.
      const analyzeScratch = path.join(scratch, 'analyze');
      mkdirSync(analyzeScratch);
      const analyze = await benchAnalyze(children, analyzeScratch, {
        ...ANALYZE_BENCH_DEFAULTS,
        seed: options.seed,
        profile: options.profile,
      });
      process.stdout.write(analyze.report);
    }
    if (options.serve) {
      // The big orgs' memory and CPU are not the serve benchmark's: it has an org of its own.
      const serveScratch = path.join(scratch, 'serve');
      mkdirSync(serveScratch);
      const serve = await benchServe(children, serveScratch, SERVE_BENCH_DEFAULTS);
      process.stdout.write(serve.report);
      if (!serve.pass) process.exitCode = 1;
    }
    if (options.keep)
      process.stdout.write(`Scratch kept: ${scratch}${stateDir === scratch ? '' : ` and ${stateDir}`}\n`);
  } finally {
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
