/**
 * The fleet's figures over several ticks of the schedule (bench-serve.ts): each round's runs, whether any
 * dealership's runs overlapped, how many ran at once against --max-concurrent, and whether serve's memory stayed
 * flat from round to round. Apart from the processes so that they are tested alone.
 */
import type { ServedRun } from './bench-serve-figures';

/**
 * A steady round may peak this much above the first steady round before memory counts as growing: the heap's
 * collector runs when it likes, so two rounds of the same work never peak at the same byte, but a leak of a
 * dealership's data per run (50 dealerships a round) grows by more than this every round.
 */
export const FLAT_GROWTH_MAX = 0.1;

/** Every `minutes` minutes at second `second`, on the minutes congruent to `phase` (node-cron's six fields). */
export function everyMinutesAt(second: number, minutes: number, phase: number): string {
  if (!Number.isInteger(second) || second < 0 || second > 59) throw new RangeError(`no second ${second}`);
  if (!Number.isInteger(minutes) || minutes < 1 || 60 % minutes !== 0)
    throw new RangeError(`an interval of ${minutes} minutes does not divide the hour`);
  if (minutes === 1) return `${second} * * * * *`;
  const list: number[] = [];
  for (let minute = ((phase % minutes) + minutes) % minutes; minute < 60; minute += minutes) list.push(minute);
  return `${second} ${list.join(',')} * * * *`;
}

/** Each dealership's runs in start order, as GET /runs lists them newest first. */
export function inStartOrder(runs: readonly ServedRun[]): ServedRun[] {
  return [...runs].sort((a, b) => a.startedAt - b.startedAt);
}

/** Dealerships one of whose runs started before its previous run had finished. */
export function overlapping(byOrg: ReadonlyMap<string, readonly ServedRun[]>): string[] {
  const found: string[] = [];
  for (const [org, runs] of byOrg) {
    const ordered = inStartOrder(runs);
    if (ordered.some((run, i) => i > 0 && run.startedAt < (ordered[i - 1]?.finishedAt ?? 0))) found.push(org);
  }
  return found;
}

/**
 * The most runs that were running at one instant. A run's span is from its row (after its login, inside its slot)
 * to its end, so the spans lie within the slots: more of them at once than --max-concurrent is a broken limit.
 */
export function mostAtOnce(runs: readonly ServedRun[]): number {
  // An end sorts before a start at the same instant: a slot handed over is not two runs at once.
  const edges = runs
    .flatMap((run) => [
      { at: run.startedAt, step: 1 },
      { at: run.finishedAt, step: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.step - b.step);
  let running = 0;
  let most = 0;
  for (const edge of edges) {
    running += edge.step;
    most = Math.max(most, running);
  }
  return most;
}

export interface RssSample {
  atMs: number;
  bytes: number;
}

export interface RoundMemory {
  tick: number;
  /** The RSS sampled last before the tick: what serve holds between rounds. */
  beforeBytes: number;
  /** The highest RSS sampled from the tick to the next round's tick (the last round: to the end). */
  peakBytes: number;
}

export function roundMemory(samples: readonly RssSample[], ticks: readonly number[]): RoundMemory[] {
  return ticks.map((tick, i) => {
    const next = ticks[i + 1] ?? Number.POSITIVE_INFINITY;
    const before = samples.filter((s) => s.atMs < tick).at(-1)?.bytes ?? 0;
    const during = samples.filter((s) => s.atMs >= tick && s.atMs < next).map((s) => s.bytes);
    return { tick, beforeBytes: before, peakBytes: Math.max(0, ...during) };
  });
}

/**
 * The rounds after the first: the first round is each dealership's initial sync (its whole backfill, every coaching
 * record created), the later ones the incremental runs a fleet lives on, which are what must not grow.
 */
export function steadyRounds(rounds: readonly RoundMemory[]): readonly RoundMemory[] {
  return rounds.slice(1);
}

/** Memory is flat when no steady round peaks more than FLAT_GROWTH_MAX above the first steady round. */
export function memoryFlat(rounds: readonly RoundMemory[]): boolean {
  const steady = steadyRounds(rounds);
  const first = steady[0]?.peakBytes ?? 0;
  return steady.length >= 2 && steady.every((round) => round.peakBytes <= first * (1 + FLAT_GROWTH_MAX));
}

const MINUTE_MS = 60_000;

/**
 * The first tick of `everyMinutesAt(second, minutes, phase)` at or after `ms` (epoch). The minutes are counted in
 * UTC, which is the config's zone's count too when its offset is whole hours (America/Chicago, the demo's).
 */
export function fleetTickAtOrAfter(ms: number, second: number, minutes: number, phase: number): number {
  const minute = Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  let tick = minute + second * 1_000;
  if (tick < ms) tick += MINUTE_MS;
  while ((new Date(tick).getUTCMinutes() - phase) % minutes !== 0) tick += MINUTE_MS;
  return tick;
}
