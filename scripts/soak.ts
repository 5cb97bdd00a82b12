/**
 * `npm run soak`: the connector run on a schedule, hour after hour of the sandbox's clock, against the demo
 * dealership while faults land at random (README "Soak"). Each scheduled run is a child process of the compiled
 * CLI; a run that fails is retried a minute later without faults, as a scheduler would. Between runs salespeople
 * log activity and managers type on flags. A second org goes through the same story with the same runs, none
 * faulted: at the end the faulted org must hold exactly what the reference holds, no flag or task twice or
 * missing, no manager's field overwritten, and the run lock must be free. Exits 1 when any of that breaks.
 *
 * Usage: npm run soak -- [--runs 200] [--minutes 30] [--seed 20261120] [--fault-percent 15]
 */
import { parseArgs } from 'node:util';
import type { CliBuild, ChildRun } from './soak-child';
import { buildCli, startChild } from './soak-child';
import { armFaults, type Dice, drawFaults, type FaultPlan, type RunSize } from './soak-faults';
import {
  compareOrgs,
  type SoakOrg,
  lockHolders,
  importLeads,
  logActivity,
  type ManagerEdits,
  managerEdits,
  overwritten,
  startSoakOrg,
} from './soak-org';
import { closingTable, Tally } from './soak-report';
import { alignClock, seededDice, syncArgs } from '../test/e2e/fault-support';
import { CONFIG, type DemoOrg, runAt, type SyncJson } from '../test/e2e/support';

/**
 * `runAt(n)` is a minute per n: runs are four hours apart (six a day, so that a day's first run, which the window
 * ending yesterday makes write, comes every few runs), retries a minute after the failed attempt.
 */
const STEP = 240;
const MAX_RETRIES = 3;
/** A manager edits a flag before this share of runs (percent). */
const EDIT_PERCENT = 30;
/** An admin imports leads before this share of runs (percent). */
const IMPORT_PERCENT = 10;
/** Compare the orgs every this many runs, so that a divergence is seen near the run that caused it. */
const COMPARE_EVERY = 25;
/** The demo dealership with 45 days of history rather than 90: the 30-day window is full, a run costs less. */
const SEED_OPTIONS = { seed: 1, days: 45 };

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    minutes: { type: 'string', default: '30' },
    seed: { type: 'string', default: '20261120' },
    'fault-percent': { type: 'string', default: '15' },
  },
});
const RUNS = Number(values.runs);
const MINUTES = Number(values.minutes);
const SEED = Number(values.seed);
const FAULT_PERCENT = Number(values['fault-percent']);

const NO_FAULTS = drawFaults(() => 100, 0);
/** The first run's scale, before any run has completed: a full backfill. */
const FIRST_RUN: RunSize = { calls: 30, ms: 5_000 };
/** Faults are placed within the smallest of the last few completed runs, so that most land in the run. */
const RECENT_RUNS = 5;

function typicalRun(recent: readonly RunSize[]): RunSize {
  const last = recent.slice(-RECENT_RUNS);
  if (last.length === 0) return FIRST_RUN;
  return { calls: Math.min(...last.map((r) => r.calls)), ms: Math.min(...last.map((r) => r.ms)) };
}

function report(run: ChildRun): SyncJson | null {
  try {
    return run.stdout.trim() ? (JSON.parse(run.stdout) as SyncJson) : null;
  } catch {
    return null;
  }
}

/** One scheduled run of the faulted org: its faults, then retries until one completes. */
async function scheduledRun(
  build: CliBuild,
  org: SoakOrg,
  step: number,
  plan: FaultPlan,
  recent: RunSize[],
  tally: Tally,
) {
  const size = typicalRun(recent);
  tally.scheduled += 1;
  tally.count(plan.kinds, tally.injected);
  const notes: string[] = [];
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt += 1) {
    const n = step * STEP + attempt;
    alignClock(org, n);
    const armed = armFaults(attempt === 0 ? plan : NO_FAULTS, size, org.sandbox, org.stateDir);
    const child = startChild(build, [...syncArgs(org, CONFIG, n), '--json'], org.env);
    armed.started(child);
    const run = await child.done;
    const { hit, calls } = armed.disarm(run);
    tally.count(hit, tally.hit);
    tally.processes += 1;
    tally.totalMs += run.ms;
    if (attempt > 0) tally.retries += 1;
    const failedWrites = report(run)?.writes?.failed ?? 0;
    if (run.code === 0 && failedWrites === 0) {
      tally.peaks.push(run.peakRssBytes);
      tally.cpu.push(run.cpuMs);
      const writes = report(run)?.writes;
      const wrote = writes ? `, wrote ${writes.created}+${writes.updated}` : '';
      const cost = `${(run.ms / 1000).toFixed(1)} s (CPU ${(run.cpuMs / 1000).toFixed(1)} s)`;
      notes.push(`ok ${cost}, ${calls} calls${wrote}, ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
      if (attempt === 0) recent.push({ calls, ms: run.ms });
      return notes.join(' → ');
    }
    tally.failed(run, step, run.code === 0 ? `with ${failedWrites} failed writes` : '');
    notes.push(run.signal ? 'killed' : `exit ${String(run.code)}`);
  }
  tally.unfinished.push(step);
  return `${notes.join(' → ')} NEVER COMPLETED`;
}

/** The same run in the reference org, with no fault: it must succeed. */
async function referenceRun(build: CliBuild, org: DemoOrg, step: number): Promise<void> {
  alignClock(org, step * STEP);
  const run = await startChild(build, [...syncArgs(org, CONFIG, step * STEP), '--json'], org.env).done;
  if (run.code !== 0) throw new Error(`the reference run ${step} failed (exit ${run.code}): ${run.stderr}`);
}

/**
 * Activity and a manager's edit, half-way between runs, alike in both orgs; a lead import before one run in ten and
 * before every run that gets short pages, so that those read more than a page.
 */
function betweenRuns(orgs: readonly DemoOrg[], dice: Dice, step: number, plan: FaultPlan, edits: ManagerEdits): string {
  for (const org of orgs) alignClock(org, step * STEP - STEP / 2);
  const actions = logActivity(orgs, dice, step);
  const edited = dice(1, 100) <= EDIT_PERCENT ? managerEdits(orgs, dice, step, edits) : null;
  const imports = dice(1, 100) <= IMPORT_PERCENT || plan.kinds.includes('short pages');
  const imported = imports ? importLeads(orgs, dice, step) : 0;
  return `${actions} activities${imported ? `, ${imported} leads imported` : ''}${edited ? `, manager edits ${edited}` : ''}`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const deadline = started + MINUTES * 60_000;
  console.info(`soak: ${RUNS} runs, at most ${MINUTES} min, seed ${SEED}, each fault ${FAULT_PERCENT}% of runs`);
  const build = buildCli();
  const faulted = await startSoakOrg(SEED_OPTIONS);
  const reference = await startSoakOrg(SEED_OPTIONS);
  const orgs = [reference, faulted];
  const dice = seededDice(SEED);
  const tally = new Tally();
  const edits: ManagerEdits = new Map();
  const recent: RunSize[] = [];
  let stoppedEarly: string | null = null;
  // Ctrl-C ends the soak after the run in progress, with the closing table of the runs so far.
  let interrupted = false;
  process.once('SIGINT', () => (interrupted = true));
  process.once('SIGTERM', () => (interrupted = true));
  try {
    for (let step = 0; step < RUNS; step += 1) {
      if (Date.now() > deadline) {
        stoppedEarly = `the ${MINUTES}-minute bound passed after ${step} runs`;
        break;
      }
      if (interrupted) {
        stoppedEarly = `interrupted after ${step} runs`;
        break;
      }
      const plan = drawFaults(dice, FAULT_PERCENT);
      const between = step > 0 ? betweenRuns(orgs, dice, step, plan, edits) : 'first run';
      // Two processes at once, one per core: the orgs share nothing but this process's event loop.
      const [outcome] = await Promise.all([
        scheduledRun(build, faulted, step, plan, recent, tally),
        referenceRun(build, reference, step),
      ]);
      console.info(
        `run ${step} ${runAt(step * STEP)} [${between}] faults: ${plan.kinds.join(', ') || 'none'} → ${outcome}`,
      );
      if ((step + 1) % COMPARE_EVERY === 0) {
        const seen = compareOrgs(faulted, reference);
        const off = seen.duplicates.length + seen.missing.length + seen.extra.length + seen.differing.length;
        console.info(`  after run ${step}: ${seen.records} product records, ${off} off the reference`);
      }
    }
    const verdict = closingTable(
      tally,
      compareOrgs(faulted, reference),
      [...overwritten(faulted, edits), ...overwritten(reference, edits).map((key) => `${key} (in the reference)`)],
      lockHolders(faulted.statePath),
      stoppedEarly,
    );
    console.info(
      `\nsoak, seed ${SEED}, ${((Date.now() - started) / 60_000).toFixed(1)} min, ${edits.size} flags edited by managers`,
    );
    console.info(verdict.lines.join('\n'));
    if (verdict.broken.length > 0) {
      console.error(
        `\nSOAK FAILED: ${verdict.broken.length} invariant(s) broken\n${verdict.broken.slice(0, 50).join('\n')}`,
      );
      return 1;
    }
    console.info('\nsoak passed: every invariant held');
    return 0;
  } finally {
    await faulted.close();
    await reference.close();
    build.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
