/**
 * How `npm run bench` prints what it measured: plain text tables, figures right-aligned, a
 * MISS in capitals with a marker so that it cannot be overlooked.
 */
import type { Baseline, ConnectorRun } from './bench-connector';
import type { BenchedRun, RunFigures, TargetCheck } from './bench-figures';
import { figuresOf, mb, targetChecks } from './bench-figures';
import { objectSpans, type PhaseFigures, phaseFigures, phasesOf, type Span, warningsOf } from './bench-phases';
import { analyseProfile, type CpuBreakdown, topFunctions } from './bench-profile';

/** Functions listed by self time under each profiled run. */
const TOP_FUNCTIONS = 25;

/** A phase's CPU column names its few biggest categories only. */
const MAX_CATEGORIES_SHOWN = 3;
const MIN_SHARE_SHOWN = 0.05;

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Columns padded to their widest cell; the first column left-aligned, the rest right-aligned. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function recordCountsTable(counts: Record<string, number>): string {
  const rows = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([object, n]) => [object, int(n)]);
  return table(['object', 'records'], rows);
}

export function runsTable(figures: readonly RunFigures[]): string {
  const rows = figures.map((f) => [
    f.name,
    int(f.recordsRead),
    int(f.pages),
    int(f.written),
    `${int(f.apiCalls)} (${int(f.orgCalls)})`,
    int(f.minimumCalls),
    f.apiCalls <= f.callLimit ? 'PASS' : 'MISS',
    sec(f.commandMs),
    sec(f.processMs),
    sec(f.floorMs),
    `${(f.commandMs / f.floorMs).toFixed(2)}×`,
    int(f.recordsPerSecond),
    mb(f.peakRssBytes),
  ]);
  return table(
    [
      'run',
      'records read',
      'pages',
      'written',
      'API calls (org)',
      'minimum',
      'calls',
      'wall (sync)',
      'wall (process)',
      'floor',
      'wall/floor',
      'records/s',
      'peak RSS',
    ],
    rows,
  );
}

export function targetsText(checks: readonly TargetCheck[]): string {
  const missed = checks.filter((c) => !c.pass).length;
  const lines = checks.map((c) => (c.pass ? `  PASS    ${c.what}` : `  MISS ✗  ${c.what}`));
  lines.push(
    missed === 0 ? `All ${checks.length} targets met.` : `>>> ${missed} of ${checks.length} targets MISSED <<<`,
  );
  return lines.join('\n');
}

/** Per object: what the connector read against what the floor's bare loop read and how long it took. */
export function objectsTable(benched: BenchedRun, objectSpans: readonly Span[]): string {
  const rows = benched.run.json.reads.map((read) => {
    const floor = benched.floor.objects.find((o) => o.object === read.object);
    const span = objectSpans.find((s) => s.name === read.object);
    const records = read.records + read.deleted;
    const same = floor === undefined ? '?' : floor.records === records ? 'same' : `DIFFERS (${int(floor.records)})`;
    return [
      read.object,
      int(records),
      int(read.pages),
      span ? sec(span.endMs - span.startMs) : '?',
      floor ? int(floor.pages) : '?',
      floor ? sec(floor.ms) : '?',
      floor ? `${int(floor.bytes / 1024 / 1024)} MB` : '?',
      same,
    ];
  });
  return table(
    ['object', 'records', 'pages', 'connector read span', 'floor pages', 'floor time', 'floor JSON', 'floor records'],
    rows,
  );
}

export function phasesTable(phases: readonly PhaseFigures[], cpu: CpuBreakdown | null): string {
  const total = phases.reduce((sum, p) => sum + (p.endMs - p.startMs), 0);
  const rows = phases.map((p) => [
    p.name,
    sec(p.endMs - p.startMs),
    `${((100 * (p.endMs - p.startMs)) / total).toFixed(0)}%`,
    p.peakRssBytes > 0 ? mb(p.peakRssBytes) : '–',
    p.peakHeapUsedBytes > 0 ? mb(p.peakHeapUsedBytes) : '–',
    p.peakHeapTotalBytes > 0 ? mb(p.peakHeapTotalBytes) : '–',
    p.peakExternalBytes > 0 ? mb(p.peakExternalBytes) : '–',
    cpu ? topCategories(cpu.bySpan.get(p.name)) : '',
  ]);
  return table(
    [
      'phase',
      'wall',
      'share',
      'peak RSS',
      'heap used',
      'heap total',
      'external',
      cpu ? 'main thread: where the time went' : '',
    ],
    rows,
  );
}

function topCategories(perCategory: Map<string, number> | undefined): string {
  if (!perCategory) return '';
  const sum = [...perCategory.values()].reduce((a, b) => a + b, 0);
  return [...perCategory.entries()]
    .sort((a, b) => b[1] - a[1])
    .filter(([, ms]) => ms >= sum * MIN_SHARE_SHOWN)
    .slice(0, MAX_CATEGORIES_SHOWN)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    .join('; ');
}

export function cpuTable(cpu: CpuBreakdown): string {
  const rows = [...cpu.total.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => [name, sec(ms), `${((100 * ms) / cpu.sampledMs).toFixed(1)}%`]);
  return table(['category (by the most specific function on the stack)', 'main-thread time', 'share'], rows);
}

export function topFunctionsTable(top: ReadonlyArray<{ name: string; ms: number }>): string {
  return table(
    ['function (self time)', 'time'],
    top.map((t) => [t.name.slice(0, 110), sec(t.ms)]),
  );
}

/** Everything measured: the runs against their targets, then each run's objects, phases and profile. */
export function fullReport(
  runs: readonly BenchedRun[],
  context: { orgPeakRssBytes: number; baseline: Baseline },
): string {
  const figures = runs.map(figuresOf);
  const out: string[] = ['', '== Runs ==', runsTable(figures)];
  out.push(
    '',
    "API calls: the connector's own count (the org's count in brackets). Minimum = Σ over objects read of max(1, ceil(records read / 2000))",
    '+ Σ over objects written of ceil(records sent / 200). Wall (sync) = the CLI command in its process; wall (process) adds Node + tsx start-up.',
    "Floor = the same queries' pages via /queryAll (batchSize=2000) fetched and JSON.parse'd by a bare loop, one object after another.",
  );
  out.push('', '== Targets ==', targetsText(targetChecks(figures)));
  for (const benched of runs) out.push(...runSection(benched));
  out.push(
    '',
    `Connector process before any work (Node + tsx + the CLI's modules, \`--version\`): peak RSS ${mb(context.baseline.peakRssBytes)}, ${sec(context.baseline.processMs)} fork to exit.`,
    "Every connector figure above includes this; the product itself runs as compiled JS (dist/), without tsx's loader thread and transpiling.",
    `Sandbox process peak RSS (not counted): ${mb(context.orgPeakRssBytes)}`,
  );
  return `${out.join('\n')}\n`;
}

function runSection(benched: BenchedRun): string[] {
  const { run } = benched;
  const out = ['', `== ${benched.name}: per object ==`];
  if (benched.changed)
    out.push(
      `Changed before this run: ${Object.entries(benched.changed)
        .map(([o, n]) => `${o} ${int(n)}`)
        .join(', ')}`,
    );
  out.push(objectsTable(benched, objectSpans(run)));
  out.push(
    `Org-side API calls by kind: ${Object.entries(benched.orgCalls.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  for (const [warning, n] of warningsOf(run)) out.push(`Warning logged ${n} ×: ${warning}`);
  const writes = run.json.writes;
  if (writes)
    out.push(
      `Writes: ${writes.created} created, ${writes.updated} updated, ${writes.skipped} unchanged, ${writes.failed} failed`,
    );
  if (run.result.io)
    out.push(
      `Storage I/O of the connector process: ${mb(run.result.io.writeBytes)} written, ${mb(run.result.io.readBytes)} read`,
    );
  out.push(...phaseSection(run));
  return out;
}

function phaseSection(run: ConnectorRun): string[] {
  const spans = phasesOf(run);
  const cpu = run.profilePath ? analyseProfile(run.profilePath, spans, run.result.clockAnchor) : null;
  const out = [
    '',
    'Phases (from the log lines; RSS sampled from /proc every 50 ms, heap every 250 ms on the main thread):',
    phasesTable(phaseFigures(run, spans), cpu),
  ];
  if (cpu && run.profilePath) {
    out.push('', `Main thread, from the CPU profile (${(cpu.sampledMs / 1000).toFixed(1)} s sampled):`, cpuTable(cpu));
    out.push('', topFunctionsTable(topFunctions(run.profilePath, TOP_FUNCTIONS)));
  }
  return out;
}
