/**
 * The phases of one connector run on its timeline, from the log lines the run writes
 * (src/sync/run-cycle.ts and read-phase.ts): start-up until "run started", reading until the
 * last object's "read", computing until "computed", planning until "planned", writing (and
 * pruning old events) until "run finished", then the report and the process's exit. Each
 * object's read runs from its "backfilling"/"reading changes" line (debug) to its "read" line;
 * objects are read a few at a time, so their spans overlap.
 */
import type { ConnectorRun } from './bench-connector';

export interface Span {
  name: string;
  startMs: number;
  endMs: number;
}

export interface PhaseFigures extends Span {
  peakRssBytes: number;
  /** Highest V8 heap figures seen in the phase (timer samples and log lines); 0 when none. */
  peakHeapUsedBytes: number;
  peakHeapTotalBytes: number;
  peakExternalBytes: number;
}

const READ_STARTS = new Set(['backfilling', 'reading changes']);

export function phasesOf(run: ConnectorRun): Span[] {
  const markers = run.result.markers;
  const at = (message: string): number | null => markers.find((m) => m.message === message)?.atMs ?? null;
  const reads = markers.filter((m) => m.message === 'read');
  const runStarted = at('run started') ?? run.result.commandStartMs;
  const readEnd = reads.at(-1)?.atMs ?? runStarted;
  const computed = at('computed') ?? readEnd;
  const planned = at('planned') ?? computed;
  const finished = at('run finished') ?? run.result.commandEndMs;
  const bounds: Array<[string, number]> = [
    ['start-up (node, tsx, config, login, state)', run.forkedAtMs],
    ['read (HTTP, parse, map, SQLite)', runStarted],
    ['compute (load state, measure, diagnose)', readEnd],
    ['plan (diff against the ledger)', computed],
    ['write (+ prune, run record)', planned],
    ['report, exit', finished],
  ];
  return bounds.map(([name, startMs], index) => ({ name, startMs, endMs: bounds[index + 1]?.[1] ?? run.exitedAtMs }));
}

/** Each object's read, in the order the reads finished. */
export function objectSpans(run: ConnectorRun): Span[] {
  const markers = run.result.markers;
  const runStarted = markers.find((m) => m.message === 'run started')?.atMs ?? run.result.commandStartMs;
  return markers
    .filter((m) => m.message === 'read' && m.object !== undefined)
    .map((end) => {
      const start = markers.find((m) => READ_STARTS.has(m.message) && m.object === end.object);
      return { name: end.object ?? '?', startMs: start?.atMs ?? runStarted, endMs: end.atMs };
    });
}

export function phaseFigures(run: ConnectorRun, spans: readonly Span[]): PhaseFigures[] {
  return spans.map((span) => {
    const within = <T extends { atMs: number }>(samples: readonly T[]): T[] =>
      samples.filter((s) => s.atMs >= span.startMs && s.atMs < span.endMs);
    const peak = <T>(samples: readonly T[], value: (s: T) => number): number =>
      samples.reduce((max, s) => Math.max(max, value(s)), 0);
    const heap = within(run.result.heap);
    // A phase's closing log line ("computed", "planned" …) is written at its very end.
    const lines = run.result.markers.filter((m) => m.atMs >= span.startMs && m.atMs <= span.endMs);
    return {
      ...span,
      peakRssBytes: peak(within(run.rss), (s) => s.rssBytes),
      peakHeapUsedBytes: Math.max(
        peak(heap, (s) => s.heapUsedBytes),
        peak(lines, (m) => m.heapUsedBytes),
      ),
      peakHeapTotalBytes: peak(heap, (s) => s.heapTotalBytes),
      peakExternalBytes: peak(heap, (s) => s.externalBytes),
    };
  });
}

/** Warnings the run logged, by message and the first line of their error (e.g. retried requests). */
export function warningsOf(run: ConnectorRun): Map<string, number> {
  const counts = new Map<string, number>();
  for (const marker of run.result.markers.filter((m) => m.level === 'warn')) {
    const error = typeof marker.fields.error === 'string' ? `: ${marker.fields.error.split('\n')[0] ?? ''}` : '';
    const key = `${marker.message}${error}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
