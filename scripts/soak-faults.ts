/**
 * The soak's faults: which ones a run gets (drawn from the seeded dice, so a soak replays from its seed), setting
 * them up in the sandbox and on the state directory before the run, the triggers that fire during it (a burst of
 * 503s after some calls, SIGKILL after some calls or some time), and afterwards whether each one actually hit the
 * run (a row-lock share on a run that wrote nothing, or a session expiry set past the run's last call, did not).
 */
import { chmodSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { RunningSandbox } from '../src/sandbox/server';
import type { ChildRun, RunningChild } from './soak-child';

export const FAULT_KINDS = [
  'expired session',
  '503 burst',
  'row locks',
  'daily limit',
  'short pages',
  'SIGKILL',
  'read-only state dir',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type Dice = (min: number, max: number) => number;

/** Where in a run a fault lands, as a share (0–1) of what the last completed run took. */
type Share = number;

export interface FaultPlan {
  kinds: FaultKind[];
  expireAt: Share;
  unavailable: { at: Share; count: number };
  lockRowShare: number;
  /** Calls allowed once the run's 80% budget check has passed, as a share of a run's calls. */
  dailyHeadroom: Share;
  /** SIGKILL at the org's n-th call of the run (plus a few ms), or on a timer. */
  kill: { at: Share; delayMs: number; byTimer: boolean };
}

/** What the last completed run took: the scale of a run the faults are placed on. */
export interface RunSize {
  calls: number;
  ms: number;
}

const share = (dice: Dice): Share => dice(0, 1000) / 1000;

/**
 * Each kind independently, `percent` times in a hundred: most runs get none or one, some get two or three. The
 * draws are the same whatever the runs do, so a seed replays the same schedule.
 */
export function drawFaults(dice: Dice, percent: number): FaultPlan {
  const kinds = FAULT_KINDS.filter(() => dice(1, 100) <= percent);
  return {
    kinds,
    expireAt: share(dice),
    // Four or fewer are retried away within the run; more exhaust its retries and fail it.
    unavailable: { at: share(dice), count: dice(1, 8) },
    lockRowShare: dice(10, 60) / 100,
    dailyHeadroom: share(dice),
    kill: { at: share(dice), delayMs: dice(0, 20), byTimer: dice(1, 4) === 1 },
  };
}

/** Counters of the org the faults are judged by. */
interface Calls {
  total: number;
  writes: number;
  /** queryMore calls: a read went on past a page (a short page makes one where a full page would not). */
  pagesOn: number;
}

export interface ArmedFaults {
  /** Called once the run's process exists: its kill trigger. */
  started(child: RunningChild): void;
  /** Lifts every fault, then tells which ones hit the run, and the calls the org answered it. */
  disarm(run: ChildRun): { hit: FaultKind[]; calls: number };
}

const has = (plan: FaultPlan, kind: FaultKind): boolean => plan.kinds.includes(kind);

/** Sets up `plan` in the sandbox and on the state directory, before the run's process starts. */
export function armFaults(plan: FaultPlan, size: RunSize, sandbox: RunningSandbox, stateDir: string): ArmedFaults {
  const call = (at: Share): number => Math.max(1, Math.round(at * size.calls));
  const usage = sandbox.usage;
  const counters = (): Calls => {
    const { total, byKind } = usage.counters();
    return { total, writes: byKind.collections ?? 0, pagesOn: byKind.queryMore ?? 0 };
  };
  const before = counters();
  sandbox.faults.configure({
    expireSessionAfterCalls: has(plan, 'expired session') ? call(plan.expireAt) : null,
    lockRowShare: has(plan, 'row locks') ? plan.lockRowShare : 0,
    randomPageSizes: has(plan, 'short pages'),
    // The run checks used/limit against its 80% budget before it starts: a limit it can start under, then reach.
    dailyApiLimit: has(plan, 'daily limit') ? Math.ceil(usage.used / 0.8) + call(plan.dailyHeadroom) : null,
  });
  if (has(plan, 'read-only state dir')) setWritable(stateDir, false);

  let child: RunningChild | null = null;
  // A burst placed at the run's start hits its login.
  const unavailableAfter = call(plan.unavailable.at) - 1;
  let unavailableSet = false;
  const setUnavailable = (): void => {
    unavailableSet = true;
    sandbox.faults.configure({ unavailableRequests: plan.unavailable.count });
  };
  if (has(plan, '503 burst') && unavailableAfter === 0) setUnavailable();
  let killArmed = false;
  const record = usage.record;
  usage.record = (kind) => {
    record.call(usage, kind);
    const calls = usage.counters().total - before.total;
    if (has(plan, '503 burst') && !unavailableSet && calls >= unavailableAfter) setUnavailable();
    if (has(plan, 'SIGKILL') && !killArmed && child && !plan.kill.byTimer && calls >= call(plan.kill.at)) {
      killArmed = true;
      const target = child;
      setTimeout(() => target.kill(), plan.kill.delayMs);
    }
  };
  let timer: NodeJS.Timeout | null = null;

  return {
    started(running) {
      child = running;
      if (has(plan, 'SIGKILL') && plan.kill.byTimer) timer = setTimeout(() => running.kill(), plan.kill.at * size.ms);
    },
    disarm(run) {
      usage.record = record;
      if (timer) clearTimeout(timer);
      const left = sandbox.faults.settings();
      const after = counters();
      sandbox.faults.configure({
        expireSessionAfterCalls: null,
        unavailableRequests: 0,
        lockRowShare: 0,
        randomPageSizes: false,
        dailyApiLimit: null,
      });
      if (has(plan, 'read-only state dir')) setWritable(stateDir, true);
      const hit: Record<FaultKind, boolean> = {
        'expired session': left.expireSessionAfterCalls === null,
        '503 burst': unavailableSet && left.unavailableRequests < plan.unavailable.count,
        'row locks': after.writes > before.writes,
        'daily limit': run.code === 75,
        'short pages': after.pagesOn > before.pagesOn,
        SIGKILL: run.signal === 'SIGKILL',
        'read-only state dir': run.code !== 0,
      };
      return { hit: plan.kinds.filter((kind) => hit[kind]), calls: after.total - before.total };
    },
  };
}

/** A full disk as the run sees it: nothing in the state directory can be created or written. */
function setWritable(dir: string, writable: boolean): void {
  for (const file of readdirSync(dir)) chmodSync(path.join(dir, file), writable ? 0o644 : 0o444);
  chmodSync(dir, writable ? 0o755 : 0o555);
}
