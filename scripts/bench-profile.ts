/**
 * Where a run's main-thread time went, from the V8 CPU profile its process wrote (--cpu-prof).
 * V8 samples the main thread's stack whether it runs JavaScript, waits inside a native call
 * (a SQLite statement, the fsync of a commit: shown as time of the JS function that called it)
 * or has nothing to do ("(idle)": the event loop waits for the org's answers), so the figures
 * are wall time of the one thread that does the work, not CPU time. Each sample is put in one
 * category by the functions on its stack, the most specific first (a sample inside applyPage is
 * SQLite even though applyPage runs inside the read loop), and on the run's timeline by its
 * timestamp, so the same analysis also splits each phase into its parts.
 */
import { readFileSync } from 'node:fs';
import type { Span } from './bench-phases';

export interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Category {
  name: string;
  /** True when this frame puts the sample in the category. */
  matches: (frame: CallFrame) => boolean;
}

export const named =
  (...names: string[]) =>
  (frame: CallFrame): boolean =>
    names.includes(frame.functionName);
export const inFile =
  (...parts: string[]) =>
  (frame: CallFrame): boolean =>
    parts.some((part) => frame.url.includes(part));

/** Most specific first: the first category any frame of the stack matches wins. */
export const CATEGORIES: readonly Category[] = [
  { name: 'garbage collection', matches: named('(garbage collector)') },
  { name: 'idle: event loop waiting (the org, I/O)', matches: named('(idle)') },
  { name: 'SQLite: loadEventColumns', matches: named('loadEventColumns') },
  { name: 'SQLite: loadFacts', matches: named('loadFacts') },
  { name: 'SQLite: applyPage', matches: named('applyPage') },
  { name: 'SQLite: prune old events', matches: named('pruneEventsBefore') },
  { name: 'mapping records to events', matches: named('mapRecord', 'toStored') },
  { name: 'Bulk: CSV parse', matches: named('openCsvPage', 'csvToRecords') },
  { name: 'Bulk: sort window', matches: named('sortByModstampThenId') },
  { name: 'compute: computeCoaching (core)', matches: named('computeCoaching') },
  { name: 'compute: other (users, flags)', matches: named('computeFromState') },
  { name: 'planning', matches: named('planAgainstOrg') },
  { name: 'writing', matches: named('executePlan') },
  { name: 'logging', matches: inFile('/winston', '/logform', '/src/lib/logger') },
  {
    name: 'HTTP + JSON.parse (jsforce, node)',
    matches: inFile(
      '@jsforce',
      'node:_http',
      'node:net',
      'node:internal/streams',
      'node:stream',
      'node:zlib',
      'node:internal/http',
    ),
  },
  { name: 'reader (src/salesforce)', matches: inFile('/src/salesforce/') },
  { name: 'read loop, run cycle (src/sync)', matches: inFile('/src/sync/') },
  { name: 'start-up: module loading (tsx)', matches: inFile('node:internal/modules', '/tsx/', 'esbuild') },
  { name: 'native, unattributed', matches: named('(program)') },
];
const OTHER = 'other JS';

export interface CpuBreakdown {
  /** CPU time per category (ms), all phases together. */
  total: Map<string, number>;
  /** CPU time per span (by name), then per category. */
  bySpan: Map<string, Map<string, number>>;
  sampledMs: number;
}

/** `anchor` places monotonic µs (the profile's clock) on the epoch (the spans' clock). */
export function analyseProfile(
  file: string,
  spans: readonly Span[],
  anchor: { epochMs: number; monotonicUs: number },
  categories: readonly Category[] = CATEGORIES,
): CpuBreakdown {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const categoryOf = categoriser(profile.nodes, categories);
  const total = new Map<string, number>();
  const bySpan = new Map<string, Map<string, number>>();
  let at = profile.startTime;
  let sampledMs = 0;
  profile.samples.forEach((nodeId, index) => {
    // A sample's delta is the time since the previous one: it is what this sample stands for.
    const deltaMs = (profile.timeDeltas[index] ?? 0) / 1000;
    at += profile.timeDeltas[index] ?? 0;
    const category = categoryOf(nodeId);
    add(total, category, deltaMs);
    const epochMs = anchor.epochMs + (at - anchor.monotonicUs) / 1000;
    const span = spans.find((s) => epochMs >= s.startMs && epochMs < s.endMs);
    if (span) {
      const perSpan = bySpan.get(span.name) ?? new Map<string, number>();
      bySpan.set(span.name, perSpan);
      add(perSpan, category, deltaMs);
    }
    sampledMs += deltaMs;
  });
  return { total, bySpan, sampledMs };
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

/** Category per profile node, memoised (stacks share their roots). */
function categoriser(nodes: readonly ProfileNode[], categories: readonly Category[]): (id: number) => string {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const memo = new Map<number, string>();
  return (id) => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const frames: CallFrame[] = [];
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const node = byId.get(cursor);
      if (node) frames.push(node.callFrame);
    }
    const category = categories.find((c) => frames.some((frame) => c.matches(frame)))?.name ?? OTHER;
    memo.set(id, category);
    return category;
  };
}

/** The functions with the most self time (for finding what a category hides). */
export function topFunctions(file: string, count: number): Array<{ name: string; ms: number }> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}` : '';
    add(self, `${frame.functionName || '(anonymous)'} ${where}`.trim(), (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms }));
}
