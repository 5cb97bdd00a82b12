/**
 * The figures of one benchmarked run and the targets for them (the README's benchmark section):
 * API calls ≤ 1.05 × minimum + 5, initial wall ≤ 2 × floor, peak RSS ≤ 512 MB, and a no-change
 * run under 2 s.
 *
 * Minimum API calls = Σ over objects read of max(1, ceil(records read / 2000))
 *                   + Σ over objects written of ceil(records sent / 200).
 * An object with nothing new still costs one query (a no-change run makes one per object);
 * "records read" is what the connector reported reading (records + deletions); "records sent"
 * is what it created or updated (upserts of 200 per call go to one object at a time).
 */
import type { ChangeCounts } from './bench-changes';
import type { ConnectorRun } from './bench-connector';
import type { Floor } from './bench-floor';

export const QUERY_PAGE_MAX = 2_000;
export const WRITE_BATCH_MAX = 200;
export const CALLS_FACTOR = 1.05;
export const CALLS_SLACK = 5;
export const INITIAL_WALL_OVER_FLOOR_MAX = 2;
export const PEAK_RSS_MAX_BYTES = 512 * 1024 * 1024;
export const NO_CHANGE_WALL_MAX_MS = 2_000;

export type RunName = 'initial' | '1% changed' | 'no change';

export interface BenchedRun {
  name: RunName;
  run: ConnectorRun;
  floor: Floor;
  /** API calls the org counted while the connector ran (a cross-check of the connector's own count). */
  orgCalls: { total: number; byKind: Record<string, number> };
  /** What was changed in the org before this run. */
  changed: ChangeCounts | null;
}

export interface RunFigures {
  name: RunName;
  recordsRead: number;
  pages: number;
  apiCalls: number;
  orgCalls: number;
  minimumCalls: number;
  callLimit: number;
  written: number;
  /** The sync command itself (in-process): what the floor is compared with. */
  commandMs: number;
  /** Fork to exit: start-up of Node and tsx included. */
  processMs: number;
  floorMs: number;
  recordsPerSecond: number;
  peakRssBytes: number;
}

export function figuresOf(benched: BenchedRun): RunFigures {
  const { json, result } = benched.run;
  const recordsRead = json.reads.reduce((sum, r) => sum + r.records + r.deleted, 0);
  const commandMs = result.commandEndMs - result.commandStartMs;
  const minimumCalls = minimumApiCalls(benched.run);
  return {
    name: benched.name,
    recordsRead,
    pages: json.reads.reduce((sum, r) => sum + r.pages, 0),
    apiCalls: json.apiCalls.total,
    orgCalls: benched.orgCalls.total,
    minimumCalls,
    callLimit: CALLS_FACTOR * minimumCalls + CALLS_SLACK,
    written: sentPerObject(benched.run).reduce((sum, [, n]) => sum + n, 0),
    commandMs,
    processMs: benched.run.exitedAtMs - benched.run.forkedAtMs,
    floorMs: benched.floor.ms,
    recordsPerSecond: recordsRead / (commandMs / 1000),
    peakRssBytes: benched.run.peakRssBytes,
  };
}

export function minimumApiCalls(run: ConnectorRun): number {
  const reads = run.json.reads.reduce(
    (sum, r) => sum + Math.max(1, Math.ceil((r.records + r.deleted) / QUERY_PAGE_MAX)),
    0,
  );
  const writes = sentPerObject(run).reduce((sum, [, n]) => sum + Math.ceil(n / WRITE_BATCH_MAX), 0);
  return reads + writes;
}

/** Records sent per object: the plan's creates and updates, when the run wrote. */
function sentPerObject(run: ConnectorRun): Array<[string, number]> {
  const { plan, writes } = run.json;
  if (plan === null || writes === null) return [];
  const counts = new Map<string, number>();
  for (const write of [...plan.creates, ...plan.updates]) counts.set(write.object, (counts.get(write.object) ?? 0) + 1);
  return [...counts.entries()];
}

export interface TargetCheck {
  pass: boolean;
  what: string;
}

export function targetChecks(figures: readonly RunFigures[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  for (const f of figures) {
    checks.push({
      pass: f.apiCalls <= f.callLimit,
      what: `${f.name}: API calls ${f.apiCalls} ≤ ${CALLS_FACTOR} × ${f.minimumCalls} + ${CALLS_SLACK} = ${f.callLimit.toFixed(1)}`,
    });
  }
  const initial = figures.find((f) => f.name === 'initial');
  if (initial) {
    const limit = INITIAL_WALL_OVER_FLOOR_MAX * initial.floorMs;
    checks.push({
      pass: initial.commandMs <= limit,
      what: `initial: wall ${s(initial.commandMs)} ≤ ${INITIAL_WALL_OVER_FLOOR_MAX} × floor ${s(initial.floorMs)} = ${s(limit)} (${(initial.commandMs / initial.floorMs).toFixed(2)} × floor)`,
    });
  }
  for (const f of figures) {
    checks.push({
      pass: f.peakRssBytes <= PEAK_RSS_MAX_BYTES,
      what: `${f.name}: peak RSS ${mb(f.peakRssBytes)} ≤ ${mb(PEAK_RSS_MAX_BYTES)}`,
    });
  }
  const quiet = figures.find((f) => f.name === 'no change');
  if (quiet) {
    checks.push({
      pass: quiet.commandMs < NO_CHANGE_WALL_MAX_MS,
      what: `no change: wall ${s(quiet.commandMs)} < ${s(NO_CHANGE_WALL_MAX_MS)} (whole process with Node/tsx start-up: ${s(quiet.processMs)})`,
    });
  }
  return checks;
}

export function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;
}
