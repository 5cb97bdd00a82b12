/**
 * Helpers for the fault and crash stories: a config copy with small pages (so that a read spans
 * many requests and a fault lands mid-pagination), a live sync with that config, a trigger that
 * fires once the org has answered some calls, and the checks that compare an org with one that
 * went through a single uninterrupted run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cli,
  type CliRun,
  CONFIG,
  type DemoOrg,
  productRecords,
  query,
  runAt,
  startDemoOrg,
  type SyncJson,
} from './support';

/** The smallest page Salesforce serves: the demo's 10,000 tasks take 50 requests. */
export const SMALL_PAGE = 200;

export interface ConfigChanges {
  pageSize?: number;
  maxApiUsage?: number;
}

/** Writes a copy of the demo config with `changes` into the org's scratch directory. */
export function configWith(org: DemoOrg, changes: ConfigChanges, name = 'config.yaml'): string {
  let text = readFileSync(CONFIG, 'utf8');
  const replace = (key: string, value: number): void => {
    const pattern = new RegExp(`^(\\s+${key}:\\s*)[0-9.]+`, 'm');
    if (!pattern.test(text)) throw new Error(`no ${key} in ${CONFIG}`);
    text = text.replace(pattern, `$1${value}`);
  };
  if (changes.pageSize !== undefined) replace('pageSize', changes.pageSize);
  if (changes.maxApiUsage !== undefined) replace('maxApiUsage', changes.maxApiUsage);
  const file = path.join(org.dir, name);
  writeFileSync(file, text);
  return file;
}

/** The arguments of the n-th live run with a config file and the org's state file. */
export function syncArgs(org: DemoOrg, config: string, n: number, statePath = org.statePath): string[] {
  return ['sync', '--live', '--config', config, '--state', statePath, '--now', runAt(n), '--log-level', 'warn'];
}

/**
 * Moves the org's clock to the run's `--now`, as time would: the org stamps what the run
 * writes at about the time the connector thinks it is (see coaching-org.ts for why it matters).
 */
export function alignClock(org: DemoOrg, n: number): void {
  org.sandbox.clock.set(Date.parse(runAt(n)));
}

/** `sync --live --json` of the n-th run with `config`, in process, the org's clock aligned. */
export async function syncWith(org: DemoOrg, config: string, n: number): Promise<CliRun & { report: SyncJson | null }> {
  alignClock(org, n);
  const run = await cli([...syncArgs(org, config, n), '--json'], org.env);
  return { ...run, report: run.stdout.trim() ? (JSON.parse(run.stdout) as SyncJson) : null };
}

/** Authenticated API calls the org has answered so far (rejected ones are not counted). */
export function callsAnswered(org: DemoOrg): number {
  return org.sandbox.usage.counters().total;
}

/** Calls of one kind (`collections`, `query`, `queryMore`, …) the org has answered so far. */
export function callsOfKind(org: DemoOrg, kind: string): number {
  return org.sandbox.usage.counters().byKind[kind] ?? 0;
}

/**
 * Calls `listener` as the org accepts each authenticated API call, before serving it, with the
 * call's kind and the calls answered so far: a fault set up in the listener hits exactly the
 * calls that follow, and a process killed from it dies while the org is serving this one.
 * Returns the function that removes the listener.
 */
export function onCall(org: DemoOrg, listener: (kind: string, calls: number) => void): () => void {
  const usage = org.sandbox.usage;
  const record = usage.record;
  usage.record = (kind) => {
    record.call(usage, kind);
    listener(kind, usage.counters().total);
  };
  return () => {
    usage.record = record;
  };
}

/** Runs `action` once, when the org accepts its `calls`-th call from now on. */
export function afterCalls(org: DemoOrg, calls: number, action: () => void): () => void {
  const start = callsAnswered(org);
  let done = false;
  return onCall(org, (_kind, total) => {
    if (done || total < start + calls) return;
    done = true;
    action();
  });
}

/** External keys the product wrote more than once: flags by Flag_Key__c, tasks by Coaching_Key__c. */
export function duplicateKeys(org: DemoOrg): string[] {
  const keys = [
    ...query(org, 'SELECT Flag_Key__c FROM Coaching_Flag__c').map((r) => `flag ${String(r.Flag_Key__c)}`),
    ...query(org, 'SELECT Coaching_Key__c FROM Task WHERE Coaching_Key__c != null').map(
      (r) => `task ${String(r.Coaching_Key__c)}`,
    ),
  ];
  const seen = new Set<string>();
  return keys.filter((key) => (seen.has(key) ? true : (seen.add(key), false)));
}

/** How many records the product has written into the org (flags and keyed tasks). */
export function productCount(org: DemoOrg): number {
  return productRecords(org).length;
}

/** What one uninterrupted run leaves in a freshly seeded org, and what it read. */
export interface Reference {
  records: string[];
  reads: Map<string, number>;
  /** Calls the org answered during the run, by kind. */
  calls: Record<string, number>;
  total: number;
}

/** Records read per object, for comparing what two runs read. */
export function readsOf(report: SyncJson): Map<string, number> {
  return new Map(report.reads.map((read) => [read.object, read.records]));
}

/** One run of a freshly seeded org with no fault: what every story must end up equal to. */
export async function uninterruptedRun(changes: ConfigChanges = { pageSize: SMALL_PAGE }): Promise<Reference> {
  const org = await startDemoOrg();
  try {
    const run = await syncWith(org, configWith(org, changes), 0);
    if (run.code !== 0 || run.report === null) throw new Error(`the uninterrupted run failed: ${run.stderr}`);
    const { byKind, total } = org.sandbox.usage.counters();
    return { records: productRecords(org), reads: readsOf(run.report), calls: byKind, total };
  } finally {
    await org.close();
  }
}

/** Keeps a tiny deterministic dice for the crash schedule, so a failing schedule can be replayed. */
export function seededDice(seed: number): (min: number, max: number) => number {
  let state = seed >>> 0;
  return (min, max) => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    return min + Math.floor(unit * (max - min + 1));
  };
}
