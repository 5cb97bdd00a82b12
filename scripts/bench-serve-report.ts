/**
 * How the serve benchmark (bench-serve.ts) prints what it measured: the figures of one run alone and of each round
 * of the fleet, the dealerships' waits, and a PASS or MISS for each guarantee of the scheduler.
 */
import path from 'node:path';
import { FLAT_GROWTH_MAX, type RoundMemory, steadyRounds } from './bench-fleet-figures';
import { mb } from './bench-figures';
import { table } from './bench-report';
import type { ServeFigures } from './bench-serve-figures';

export interface FleetVerdicts {
  /** Per round: dealerships that waited past the interval, runs not ok, runs admitted off the tick. */
  rounds: readonly ServeFigures[];
  overlapping: readonly string[];
  mostAtOnce: number;
  memory: readonly RoundMemory[];
  memoryFlat: boolean;
  exitCode: number | null;
}

export interface ServeReportInput extends FleetVerdicts {
  dealerships: number;
  maxConcurrent: number;
  latencyMs: number;
  intervalMs: number;
  records: number;
  cron: string;
  single: { ms: number; peakRssBytes: number };
  idleRssBytes: number;
  orgCalls: number;
  /** Records changed in the org before each round after the first. */
  changed: ReadonlyArray<Record<string, number>>;
  stderr: string;
}

const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const int = (n: number): string => n.toLocaleString('en-US');
const ratio = (ms: number, of: number): string => `${(ms / of).toFixed(2)}×`;
const verdict = (pass: boolean, what: string): string => (pass ? `  PASS    ${what}` : `  MISS ✗  ${what}`);
/** Above this many dealerships the per-dealership table gives way to the waits' spread. */
const LISTED_MAX = 20;

/** Every guarantee held: the benchmark exits 1 otherwise. */
export function fleetPasses(v: FleetVerdicts, maxConcurrent: number): boolean {
  const roundsHeld = v.rounds.every((r) => r.late.length === 0 && r.failed.length === 0 && r.offTick.length === 0);
  return roundsHeld && v.overlapping.length === 0 && v.mostAtOnce <= maxConcurrent && v.memoryFlat && v.exitCode === 0;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function waitsOfFirstRound(first: ServeFigures): string[] {
  if (first.waits.length <= LISTED_MAX)
    return [
      table(
        ['dealership (start order), round 1', 'wait', 'run', 'result', 'API calls'],
        first.waits.map((w) => [path.basename(w.org, '.yaml'), sec(w.waitMs), sec(w.runMs), w.result, int(w.apiCalls)]),
      ),
    ];
  const waits = first.waits.map((w) => w.waitMs).sort((a, b) => a - b);
  const runs = first.waits.map((w) => w.runMs).sort((a, b) => a - b);
  return [
    `Round 1, ${first.waits.length} dealerships: wait median ${sec(quantile(waits, 0.5))}, 90th percentile ` +
      `${sec(quantile(waits, 0.9))}, longest ${sec(waits.at(-1) ?? 0)}; a run median ${sec(quantile(runs, 0.5))}, ` +
      `longest ${sec(runs.at(-1) ?? 0)}`,
  ];
}

export function serveReport(input: ServeReportInput): string {
  const first = input.rounds[0];
  if (!first) throw new Error('no round measured');
  const waves = Math.ceil(first.runs / input.maxConcurrent);
  const roundRows = input.rounds.map((r, i) => [
    String(i + 1),
    new Date(input.memory[i]?.tick ?? 0).toISOString().slice(11, 19),
    `${sec(r.wallMs)} (${ratio(r.wallMs, r.floorMs)} floor)`,
    sec(r.longestWaitMs),
    `${r.runs - r.failed.length}/${r.runs}`,
    mb(input.memory[i]?.peakBytes ?? 0),
    mb(input.memory[i]?.beforeBytes ?? 0),
  ]);
  const roundsHeld = (pick: (r: ServeFigures) => readonly string[]): string[] => input.rounds.flatMap(pick);
  const late = roundsHeld((r) => r.late);
  const failed = roundsHeld((r) => r.failed);
  const offTick = roundsHeld((r) => r.offTick);
  const steady = steadyRounds(input.memory);
  const growth = Math.max(...steady.map((r) => r.peakBytes)) / (steady[0]?.peakBytes || 1) - 1;
  const changedText = input.changed
    .map((counts) => Object.values(counts).reduce((sum, n) => sum + n, 0))
    .map(int)
    .join(', ');
  return [
    '',
    `serve: ${input.dealerships} dealerships (one org data set of ${int(input.records)} records shared, a state file each), ` +
      `"${input.cron}" (every ${input.intervalMs / 60_000} min), ${input.rounds.length} rounds, ` +
      `--max-concurrent ${input.maxConcurrent}, sandbox latency ${input.latencyMs} ms a call`,
    table(
      ['figure', 'value'],
      [
        ['one run alone (faster of two)', sec(input.single.ms)],
        [`floor: ${waves} waves × one run`, sec(first.floorMs)],
        [`serial: ${first.runs} × one run`, sec(first.serialMs)],
        ['peak RSS of serve running one at a time', mb(input.single.peakRssBytes)],
        ['RSS of serve before the first tick', mb(input.idleRssBytes)],
        ['most runs at once', `${input.mostAtOnce} (limit ${input.maxConcurrent})`],
        ['API calls the org counted', int(input.orgCalls)],
        ['records changed before rounds 2 on', changedText || 'none'],
      ],
    ),
    '',
    table(['round', 'tick (UTC)', 'wall: tick to last end', 'longest wait', 'ok', 'peak RSS', 'RSS before'], roundRows),
    '',
    ...waitsOfFirstRound(first),
    '',
    verdict(
      late.length === 0,
      `no dealership waited past its interval (${sec(input.intervalMs)}): longest ` +
        `${sec(Math.max(...input.rounds.map((r) => r.longestWaitMs)))}${late.length > 0 ? ` (late: ${late.join(', ')})` : ''}`,
    ),
    verdict(failed.length === 0, `every run ended ok${failed.length > 0 ? ` (not: ${failed.join(', ')})` : ''}`),
    verdict(
      offTick.length === 0,
      `every run was admitted on its round's tick (its run id's time)` +
        (offTick.length > 0 ? ` (not: ${offTick.map((org) => path.basename(org)).join(', ')})` : ''),
    ),
    verdict(
      input.overlapping.length === 0,
      `no dealership's runs overlapped${input.overlapping.length > 0 ? ` (did: ${input.overlapping.join(', ')})` : ''}`,
    ),
    verdict(
      input.mostAtOnce <= input.maxConcurrent,
      `at most ${input.maxConcurrent} runs at once: ${input.mostAtOnce}`,
    ),
    verdict(
      input.memoryFlat,
      `memory flat: the incremental rounds (2 on) peaked at most ${(growth * 100).toFixed(1)}% above round 2 ` +
        `(each within ${FLAT_GROWTH_MAX * 100}%; round 1 is the initial syncs)`,
    ),
    verdict(input.exitCode === 0, `serve exited ${String(input.exitCode)} on SIGTERM`),
    ...(input.stderr.trim() === '' ? [] : ['', 'serve’s stderr (last lines):', input.stderr.trim()]),
    '',
  ].join('\n');
}
