/**
 * Where `serve` gets each dealership's scorecard: the report built from its state as `report --json` builds it, kept
 * until something it depends on changes. Everything the report computes is day-granular (ARCHITECTURE.md §7, the
 * unchanged-run skip), so it changes only with a newly finished sync, a new local day, or an edited config; between
 * those a manager's reloads cost nothing, and the event loop is not held for the build (a third of a second for the
 * demo dealership) on every request. A sync in progress is not shown half read: the key is the last finished run.
 * The page's predictive analysis is kept the same way, apart (`analysisSource`).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openStateStore } from '../state/state-store';
import { buildAnalysis } from './commands/analyze';
import { buildReport } from './commands/report';
import type { CliContext } from './context';
import type { ReportInput } from './render-report';
import type { ScorecardAnalysis } from './scorecard-analysis';

/** A value per org, rebuilt when its key changes; no key (null) means nothing to show yet. */
export function memoByKey<T>(
  keyOf: (org: string) => string | null,
  build: (org: string) => T,
): (org: string) => T | null {
  const kept = new Map<string, { key: string; value: T }>();
  return (org) => {
    const key = keyOf(org);
    if (key === null) return null;
    const hit = kept.get(org);
    if (hit?.key === key) return hit.value;
    const value = build(org);
    kept.set(org, { key, value });
    return value;
  };
}

/** Runs looked at for a finished one: a run that died is marked interrupted by the next, so a few suffice. */
const RUNS_CHECKED = 5;

export interface ServedState {
  /** The state file, absolute. */
  path: string;
  /** The dealership's time zone: the report's days are its local days. */
  timeZone: string;
}

/**
 * What the served page depends on, per org (its config file): the last finished run, the local day and the config's
 * edit time; null before the state holds a finished sync. `now` is the clock the local day is read from.
 */
function lastSyncKey(
  states: ReadonlyMap<string, ServedState>,
  ctx: CliContext,
  now: () => number,
): (config: string) => string | null {
  return (config) => {
    const served = states.get(config);
    if (!served || !existsSync(served.path)) return null;
    const state = openStateStore(served.path);
    try {
      const last = state.listRuns(RUNS_CHECKED).find((run) => run.finishedAt !== null);
      if (!last) return null;
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: served.timeZone }).format(now());
      const edited = statSync(resolve(ctx.cwd, config)).mtimeMs;
      return `${last.runId}|${last.finishedAt}|${day}|${edited}`;
    } finally {
      state.close();
    }
  };
}

/**
 * The scorecard of each served org from its state; null before the state holds a finished sync (the report itself
 * reads the system clock, as `report` does).
 */
export function scorecardSource(
  states: ReadonlyMap<string, ServedState>,
  ctx: CliContext,
  now: () => number = Date.now,
): (org: string) => ReportInput | null {
  const build = (config: string): ReportInput => {
    const state = openStateStore(states.get(config)?.path ?? '');
    try {
      return buildReport({ config }, ctx, state);
    } finally {
      state.close();
    }
  };
  return memoByKey(lastSyncKey(states, ctx, now), build);
}

/**
 * The page's predictive analysis (`analyze`) of each served org, under the same key as its scorecard. It reads every
 * stored event (seconds on a large store, README), so it is computed at most once per finished sync, local day and
 * config edit, and only when a page asks for it: not after every sync (a dealership nobody looks at costs nothing,
 * and the other dealerships' runs are not held up for it), and not for /api/scorecard, whose JSON is the report's
 * alone, which is why it is kept apart from the scorecard. The first page request after a sync waits for it.
 */
export function analysisSource(
  states: ReadonlyMap<string, ServedState>,
  ctx: CliContext,
  now: () => number = Date.now,
): (org: string) => ScorecardAnalysis | null {
  return memoByKey(lastSyncKey(states, ctx, now), (config) =>
    buildAnalysis({ config, state: states.get(config)?.path ?? '' }, ctx),
  );
}
