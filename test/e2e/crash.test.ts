/**
 * Crash safety (ARCHITECTURE.md §7): `sync` killed with SIGKILL at random points, while it reads and
 * while it writes, then run again with the same state file until a run completes, leaves the
 * org exactly as one uninterrupted run leaves an identical org: no flag or task missing, none
 * twice. The CLI runs as a child process against the sandbox in this process; a little latency
 * and 200-record pages stretch a run over a hundred requests. Kills are timed by the requests
 * the org receives (the n-th call, the first write) plus a random delay, or by a plain timer.
 */
import { openStateStore } from '../../src/state/state-store';
import {
  alignClock,
  callsAnswered,
  callsOfKind,
  configWith,
  duplicateKeys,
  onCall,
  productCount,
  type Reference,
  seededDice,
  SMALL_PAGE,
  syncArgs,
  syncWith,
  uninterruptedRun,
} from './fault-support';
import { type DemoOrg, productRecords, startCli, startDemoOrg } from './support';

/** The Done-means floor: kills that land while the run reads or writes. */
const MIN_KILLS = 20;
const MIN_READ_KILLS = 8;
const MIN_WRITE_KILLS = 6;
/** Kills beyond the floor, so that a schedule that lands a few kills early still passes it. */
const MARGIN = 2;
const KILLS_PER_STORY = 6;
const MAX_STORIES = 8;
const LATENCY = { latencyMinMs: 5, latencyMaxMs: 20 };
/** Longer than the latency: what the org was already serving when the process died is done by then. */
const SETTLE_MS = 40;
/** Calls a resumed run makes before it reads anything new (login check, first pages again). */
const RESUME_OVERHEAD_CALLS = 8;
/** Fixed so that a failing schedule can be replayed; EXECUTION_COACH_CRASH_SEED explores others. */
const SEED = Number(process.env.EXECUTION_COACH_CRASH_SEED ?? 20261120);

type Dice = (min: number, max: number) => number;

type Plan =
  /** Killed `delayMs` after the org accepts this run's `call`-th call. */
  | { kind: 'read'; call: number; delayMs: number }
  /** Killed `delayMs` after the org accepts this run's first collection (write) call. */
  | { kind: 'write'; delayMs: number }
  | { kind: 'timer'; afterMs: number }
  | { kind: 'none' };

/**
 * Where a kill landed: before any call, before any write, with writes missing from the ledger, or
 * after the last was recorded.
 */
type Phase = 'starting' | 'reading' | 'writing' | 'finishing';

interface Attempt {
  plan: Plan;
  killed: boolean;
  code: number | null;
  stderr: string;
  phase: Phase;
  calls: number;
  /** Product records in the org once it finished what it was serving, and in the state's ledger. */
  inOrg: number;
  inLedger: number;
}

/** One org, one state file, runs killed until one completes. */
class Story {
  private readCallsLeft: number;
  private writesSeen = false;
  kills = 0;

  constructor(reference: Reference) {
    this.readCallsLeft = reference.total;
  }

  /** A kill point this run can reach: reads while some are left, writes more often once writing began. */
  plan(dice: Dice): Plan {
    if (this.kills >= KILLS_PER_STORY) return { kind: 'none' };
    const roll = dice(1, 100);
    if (roll <= 10) return { kind: 'timer', afterMs: dice(500, 3_000) };
    const readShare = this.writesSeen ? 30 : 70;
    if (roll <= 10 + readShare)
      return { kind: 'read', call: dice(1, Math.max(2, this.readCallsLeft)), delayMs: dice(0, 15) };
    return { kind: 'write', delayMs: dice(0, 5) };
  }

  record(attempt: Attempt): void {
    if (attempt.killed) this.kills += 1;
    if (attempt.phase === 'writing' || attempt.phase === 'finishing') this.writesSeen = true;
    if (attempt.phase === 'reading') this.readCallsLeft -= Math.max(0, attempt.calls - RESUME_OVERHEAD_CALLS);
  }
}

function withState<T>(statePath: string, read: (state: ReturnType<typeof openStateStore>) => T): T {
  const state = openStateStore(statePath);
  try {
    return read(state);
  } finally {
    state.close();
  }
}

const ledgerSize = (statePath: string): number => withState(statePath, (state) => state.getLedger().size);
const runResults = (statePath: string): string[] =>
  withState(statePath, (state) =>
    state
      .listRuns(100)
      .map((run) => run.result)
      .reverse(),
  );
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** The n-th run of a story as a child process, killed as `plan` says (unless it finishes first). */
async function attempt(org: DemoOrg, config: string, n: number, plan: Plan, complete: number): Promise<Attempt> {
  alignClock(org, n);
  const callsBefore = callsAnswered(org);
  const writesBefore = callsOfKind(org, 'collections');
  const child = startCli(syncArgs(org, config, n), org.env);
  let calls = 0;
  let armed = false;
  const killAfter = (ms: number): void => {
    armed = true;
    if (ms === 0) child.kill();
    else setTimeout(() => child.kill(), ms);
  };
  const timer = plan.kind === 'timer' ? setTimeout(() => child.kill(), plan.afterMs) : null;
  const stop = onCall(org, (kind) => {
    calls += 1;
    if (armed) return;
    if (plan.kind === 'read' && calls >= plan.call) killAfter(plan.delayMs);
    if (plan.kind === 'write' && kind === 'collections') killAfter(plan.delayMs);
  });
  const result = await child.done;
  stop();
  if (timer) clearTimeout(timer);
  await settle();
  const answered = callsAnswered(org) - callsBefore;
  const written = callsOfKind(org, 'collections') - writesBefore;
  const inLedger = ledgerSize(org.statePath);
  return {
    plan,
    killed: result.signal === 'SIGKILL',
    code: result.code,
    stderr: result.stderr,
    phase: answered === 0 ? 'starting' : written === 0 ? 'reading' : inLedger < complete ? 'writing' : 'finishing',
    calls: answered,
    inOrg: productCount(org),
    inLedger,
  };
}

function describeAttempt(a: Attempt): string {
  const plan =
    a.plan.kind === 'read'
      ? `at call ${a.plan.call} +${a.plan.delayMs} ms`
      : a.plan.kind === 'write'
        ? `at the first write +${a.plan.delayMs} ms`
        : a.plan.kind === 'timer'
          ? `after ${a.plan.afterMs} ms`
          : 'not killed';
  return `${a.killed ? `killed while ${a.phase}` : `exit ${a.code}`} (plan: ${plan}; ${a.calls} calls; product records in the org ${a.inOrg}, in the ledger ${a.inLedger})`;
}

describe('end to end: sync killed with SIGKILL at random points, then re-run, leaves the org as one uninterrupted run', () => {
  let reference: Reference;
  beforeAll(async () => {
    reference = await uninterruptedRun();
  });

  it(`given the seeded org with latency and 200-record pages, when runs are killed at least ${MIN_KILLS} times while reading and writing and re-run with the same state, then every story ends with each flag and task exactly once`, async () => {
    const dice = seededDice(SEED);
    const log: string[] = [`crash schedule seed ${SEED}`];
    const kills: Attempt[] = [];
    const landed = (phase: Phase): number => kills.filter((k) => k.phase === phase).length;

    try {
      for (let story = 1; story <= MAX_STORIES; story += 1) {
        const enough = landed('reading') + landed('writing') >= MIN_KILLS + MARGIN;
        if (enough && landed('reading') >= MIN_READ_KILLS && landed('writing') >= MIN_WRITE_KILLS) break;
        const org = await startDemoOrg({ faults: LATENCY });
        try {
          const config = configWith(org, { pageSize: SMALL_PAGE });
          const plot = new Story(reference);
          let n = 0;
          let last: Attempt;
          do {
            last = await attempt(org, config, n, plot.plan(dice), reference.records.length);
            plot.record(last);
            log.push(`story ${story} run ${n}: ${describeAttempt(last)}`);
            if (last.killed) kills.push(last);
            n += 1;
          } while (last.killed);

          // Then the run that was not killed finished the job: each flag and task once, as in the reference.
          expect({ story, code: last.code, error: last.code === 0 ? '' : last.stderr }).toEqual({
            story,
            code: 0,
            error: '',
          });
          expect(duplicateKeys(org)).toEqual([]);
          expect(productRecords(org)).toEqual(reference.records);
          expect(ledgerSize(org.statePath)).toBe(reference.records.length);
          // The run history agrees: a run killed before it recorded its end is marked interrupted.
          const results = runResults(org.statePath);
          log.push(`story ${story} run history: ${results.join(', ')}`);
          expect(results.at(-1)).toBe('ok');
          expect(results.filter((result) => result !== 'interrupted' && result !== 'ok')).toEqual([]);
          // And the next run finds nothing to write: the ledger knows everything the org holds
          // (or, when nothing changed since that complete run, it does not even need to compute).
          const again = await syncWith(org, config, n);
          expect(again.code).toBe(0);
          const nothingToDo = again.report?.unchangedSince ? null : { created: 0, updated: 0, failed: 0 };
          expect(again.report?.writes ?? null).toEqual(
            nothingToDo === null ? null : expect.objectContaining(nothingToDo),
          );
        } finally {
          await org.close();
        }
      }
    } finally {
      log.push(
        `kills: ${['starting', 'reading', 'writing', 'finishing'].map((phase) => `${landed(phase as Phase)} while ${phase}`).join(', ')}`,
      );
      console.info(log.join('\n'));
    }

    expect(landed('reading') + landed('writing')).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(landed('reading')).toBeGreaterThanOrEqual(MIN_READ_KILLS);
    expect(landed('writing')).toBeGreaterThanOrEqual(MIN_WRITE_KILLS);
    // Some kills left the org with part of the writes, some with writes the ledger had not yet recorded.
    const writing = kills.filter((k) => k.phase === 'writing');
    expect(writing.some((k) => k.inOrg > 0 && k.inOrg < reference.records.length)).toBe(true);
    expect(writing.some((k) => k.inLedger < k.inOrg)).toBe(true);
  }, 240_000);
});
