/**
 * The figures of `npm run bench`'s analyze step and how it prints them: each `execution-coach analyze` run's wall
 * (spawn to exit of the built CLI, start-up included) and peak RSS, the medians against the issue's targets (issue
 * 12: a year of history at ≥ 1M activity records analysed in under 10 s, peak RSS ≤ 512 MB), what the analysis saw
 * (its history, panel and measures, from `analyze --json`) and, when profiled, where the first run's time went.
 */
import { loadavg } from 'node:os';
import type { MeasuredProcess } from './bench-connector';
import { mb, PEAK_RSS_MAX_BYTES } from './bench-figures';
import { analyseProfile, type Category, inFile, named, topFunctions } from './bench-profile';
import { cpuTable, table, topFunctionsTable } from './bench-report';

export const ANALYZE_WALL_MAX_MS = 10_000;
const TOP_FUNCTIONS = 15;

/**
 * The steps of `analyze` (src/cli/commands/analyze.ts, analyzeStore); the first that names a frame of a sample's
 * stack wins, as in bench-profile.ts. The check comes before the effects because it runs a bootstrap of its own
 * (estimateEffects on the earlier weeks), which would otherwise count as the effects'.
 */
export const ANALYZE_CATEGORIES: readonly Category[] = [
  { name: 'garbage collection', matches: named('(garbage collector)') },
  { name: 'SQLite: loadEventColumns', matches: named('loadEventColumns') },
  { name: 'SQLite: loadFacts (users)', matches: named('loadFacts') },
  { name: 'event table (sort by user, time)', matches: named('EventTable') },
  { name: 'integrity: markSuspicious', matches: named('markSuspicious') },
  { name: 'panel: buildPanel', matches: named('buildPanel') },
  { name: 'check: outOfSampleCheck (its bootstrap on the earlier weeks)', matches: named('outOfSampleCheck') },
  { name: 'effects: estimateEffects (bootstrap)', matches: named('estimateEffects') },
  { name: 'state open: openSyncedState (read-only)', matches: named('openSyncedState') },
  { name: 'config and model: loadModel', matches: named('loadModel') },
  { name: 'targets: calibrateTargets', matches: named('calibrateTargets') },
  // The candidates' own columns (shares, activity kinds) and what else analyzeStore does outside the steps above.
  { name: 'candidates and the rest of analyzeStore', matches: named('analyzeStore') },
  // Last of the code: the built CLI runs the command from main.js's own module load, so every sample has a module
  // loader's frame below the command's; only a sample with nothing more specific is start-up.
  { name: 'start-up: module loading', matches: inFile('node:internal/modules', '/tsx/', 'esbuild') },
  { name: 'idle', matches: named('(idle)') },
  { name: 'native, unattributed', matches: named('(program)') },
];

/** The facts of `analyze --json` the benchmark reports (src/cli/render-analysis.ts, analysisJson). */
export interface AnalysisJson {
  history: { from: string | null; to: string; weeks: number; people: number };
  panel: { weeks: number; people: number; personWeeks: number };
  enoughData: boolean;
  measures: Array<{ id: string; verdict: string }>;
}

export interface AnalyzeRun {
  process: MeasuredProcess;
  json: AnalysisJson;
  profilePath: string | null;
}

export interface AnalyzeFigures {
  processMs: number;
  commandMs: number;
  cpuMs: number;
  peakRssBytes: number;
  pass: boolean;
}

const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const processMsOf = (run: AnalyzeRun): number => run.process.exitedAtMs - run.process.forkedAtMs;
const commandMsOf = (run: AnalyzeRun): number => run.process.result.commandEndMs - run.process.result.commandStartMs;

/** The medians over the runs; the targets are judged on the process's wall, start-up included. */
export function analyzeFigures(runs: readonly AnalyzeRun[]): AnalyzeFigures {
  const processMs = median(runs.map(processMsOf));
  const peakRssBytes = median(runs.map((r) => r.process.peakRssBytes));
  return {
    processMs,
    commandMs: median(runs.map(commandMsOf)),
    cpuMs: median(runs.map((r) => r.process.result.cpuMs)),
    peakRssBytes,
    pass: processMs < ANALYZE_WALL_MAX_MS && peakRssBytes <= PEAK_RSS_MAX_BYTES,
  };
}

/** The one line the README quotes, and the bench's summary. */
export function analyzeLine(figures: AnalyzeFigures, runs: number): string {
  return (
    `analyze: ${sec(figures.processMs)} (target < ${ANALYZE_WALL_MAX_MS / 1000} s), ` +
    `peak RSS ${mb(figures.peakRssBytes)} (target ≤ ${mb(PEAK_RSS_MAX_BYTES)}) ` +
    `${figures.pass ? 'PASS' : 'MISS  <--'} (median of ${runs}; the command alone ${sec(figures.commandMs)}; ` +
    `CPU ${sec(figures.cpuMs)}, at load average ${loadavg()[0]?.toFixed(1)})`
  );
}

export function analyzeReport(runs: readonly AnalyzeRun[], context: { stateBytes: number }): string {
  const figures = analyzeFigures(runs);
  const first = runs[0] as AnalyzeRun;
  const { history, panel } = first.json;
  const verdicts = new Map<string, number>();
  for (const m of first.json.measures) verdicts.set(m.verdict, (verdicts.get(m.verdict) ?? 0) + 1);
  const lines = [
    table(
      ['analyze run', 'wall (spawn to exit)', 'the command', 'CPU (user + system)', 'peak RSS'],
      runs.map((r, i) => [
        String(i + 1),
        sec(processMsOf(r)),
        sec(commandMsOf(r)),
        sec(r.process.result.cpuMs),
        mb(r.process.peakRssBytes),
      ]),
    ),
    '',
    `State file ${mb(context.stateBytes)}. History analysed: ${history.from ?? '–'} to ${history.to}, ` +
      `${int(history.weeks)} weeks, ${int(history.people)} salespeople; panel ${int(panel.personWeeks)} person-weeks ` +
      `(${int(panel.people)} people × ${int(panel.weeks)} weeks); ${first.json.measures.length} measures (` +
      `${[...verdicts.entries()].map(([v, n]) => `${n} ${v}`).join(', ')}).`,
    '',
    analyzeLine(figures, runs.length),
  ];
  if (first.profilePath !== null) {
    const cpu = analyseProfile(first.profilePath, [], first.process.result.clockAnchor, ANALYZE_CATEGORIES);
    lines.push(
      '',
      'Where the first run spent its main thread (V8 CPU profile):',
      cpuTable(cpu),
      '',
      topFunctionsTable(topFunctions(first.profilePath, TOP_FUNCTIONS)),
    );
  }
  return `${lines.join('\n')}\n`;
}
