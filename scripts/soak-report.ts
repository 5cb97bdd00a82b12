/**
 * The soak's tally and closing table: faults drawn and faults that hit a run, by kind; failed runs and their
 * retries; what the final comparison found; the connector's peak memory early and late in the soak; and the
 * invariants, each broken or not (any broken one fails the soak).
 */
import type { ChildRun } from './soak-child';
import { FAULT_KINDS, type FaultKind } from './soak-faults';
import type { Comparison } from './soak-org';

/** Runs whose memory is compared: the first and the last this many completed runs. */
export const MEMORY_WINDOW = 20;
/** The last runs' median peak may exceed the first runs' by this share before memory counts as growing. */
export const MEMORY_GROWTH_ALLOWED = 0.25;

export class Tally {
  scheduled = 0;
  processes = 0;
  retries = 0;
  /** Failed attempts by how they ended: `exit 75`, `SIGKILL`, … */
  readonly failures = new Map<string, number>();
  /** A line of what each kind of failure said, for the record. */
  readonly samples = new Map<string, string>();
  readonly injected = new Map<FaultKind, number>();
  readonly hit = new Map<FaultKind, number>();
  /** Failed runs that did not fail cleanly: a stack trace, a signal nobody sent, an unknown exit code. */
  readonly unclean: string[] = [];
  /** Scheduled runs that no retry completed. */
  readonly unfinished: number[] = [];
  /** Peak RSS of each completed run, in order. */
  readonly peaks: number[] = [];
  /** CPU time of each completed run, in order. */
  readonly cpu: number[] = [];
  totalMs = 0;

  count(kinds: readonly FaultKind[], into: Map<FaultKind, number>): void {
    for (const kind of kinds) into.set(kind, (into.get(kind) ?? 0) + 1);
  }

  failed(run: ChildRun, step: number, error: string): void {
    const code = /error \[([A-Z_]+)\]/.exec(run.stderr)?.[1];
    const how = run.signal
      ? `killed (${run.signal})`
      : `exit ${String(run.code)}${code ? ` ${code}` : ''}${error ? ` ${error}` : ''}`;
    this.failures.set(how, (this.failures.get(how) ?? 0) + 1);
    const said = run.stderr.split('\n').find((line) => line.includes('error [')) ?? run.stderr.split('\n')[0] ?? '';
    if (!this.samples.has(how) && said && !run.signal) this.samples.set(how, said.slice(0, 300));
    if (isUnclean(run)) this.unclean.push(`run ${step}: ${how}: ${run.stderr.slice(0, 600)}`);
  }
}

/** A clean failure is a CLI exit code with a message; a crash shows a stack, or a signal the soak did not send. */
function isUnclean(run: ChildRun): boolean {
  if (run.signal) return run.signal !== 'SIGKILL';
  if (![1, 2, 75].includes(run.code ?? -1)) return true;
  return /^\s+at .+:\d+:\d+\)?$/m.test(run.stderr);
}

const MB = 1024 * 1024;
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;

export interface Verdict {
  lines: string[];
  broken: string[];
}

export function closingTable(
  tally: Tally,
  comparison: Comparison,
  overwritten: readonly string[],
  lockHolders: readonly string[],
  stoppedEarly: string | null,
): Verdict {
  const first = tally.peaks.slice(0, MEMORY_WINDOW);
  const last = tally.peaks.slice(-MEMORY_WINDOW);
  const growth = median(first) > 0 ? median(last) / median(first) - 1 : 0;
  const lines = [
    `scheduled runs          ${tally.scheduled}${stoppedEarly ? ` (stopped early: ${stoppedEarly})` : ''}`,
    `connector processes     ${tally.processes} (${tally.retries} retries), ${(tally.totalMs / 60_000).toFixed(1)} min of runs`,
    `CPU per completed run   median ${(median(tally.cpu) / 1000).toFixed(1)} s, max ${(Math.max(0, ...tally.cpu) / 1000).toFixed(1)} s`,
    'faults (drawn / hit a run):',
    ...FAULT_KINDS.map(
      (kind) =>
        `  ${kind.padEnd(22)}${String(tally.injected.get(kind) ?? 0).padStart(4)} / ${tally.hit.get(kind) ?? 0}`,
    ),
    'failed attempts (then retried):',
    ...[...tally.failures].map(
      ([how, n]) => `  ${how.padEnd(22)}${String(n).padStart(4)}  ${tally.samples.get(how) ?? ''}`,
    ),
    `unclean failures        ${tally.unclean.length}`,
    `runs never completed    ${tally.unfinished.length}`,
    `product records         ${comparison.records} in the reference org`,
    `duplicates              ${comparison.duplicates.length}`,
    `missing writes          ${comparison.missing.length}`,
    `records not in the ref  ${comparison.extra.length}`,
    `records that differ     ${comparison.differing.length}`,
    `manager fields overwritten ${overwritten.length}`,
    `run lock after the last run ${lockHolders.length ? `held by ${lockHolders.join(', ')}` : 'free'}`,
    `peak RSS, first ${first.length} runs  median ${mb(median(first))}, max ${mb(Math.max(0, ...first))}`,
    `peak RSS, last ${last.length} runs   median ${mb(median(last))}, max ${mb(Math.max(0, ...last))} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`,
  ];
  const broken = [
    ...tally.unclean.map((u) => `unclean failure: ${u}`),
    ...tally.unfinished.map((step) => `run ${step} never completed`),
    ...comparison.duplicates.map((key) => `duplicate: ${key}`),
    ...comparison.missing.map((key) => `missing: ${key}`),
    ...comparison.extra.map((key) => `not in the reference: ${key}`),
    ...comparison.differing.map((key) => `differs from the reference: ${key}`),
    ...overwritten.map((key) => `manager fields overwritten: ${key}`),
    ...lockHolders.map((holder) => `run lock still held by ${holder}`),
    ...(growth > MEMORY_GROWTH_ALLOWED ? [`peak RSS grew ${(growth * 100).toFixed(1)}% over the soak`] : []),
  ];
  return { lines, broken };
}
