/**
 * The demo org as the coaching stories see it: the planted salespeople, the product's flags and
 * tasks as the org holds them, what managers and salespeople do in the org between runs, and a
 * sync whose org clock agrees with the connector's.
 *
 * Why the clocks are aligned: `syncJson(org, n)` runs the connector with `--now runAt(n)`, an
 * hour after the sandbox's clock, and the stories here span days. Moving the sandbox's clock to
 * each run's `--now` first keeps what the org stamps (the runs' writes, a manager's edit, a
 * rep's Saturday calls) in the story's order, as a real org's clock would. (Before the sync's
 * empty-backfill fix, the hour's skew also hid the first run's flags from every later read.)
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { SfRecord } from '../../src/core/model';
import type { DemoProfile } from '../../src/sandbox/demo/types';
import { cli, type CliRun, CONFIG, type DemoOrg, query, runAt, type SyncJson, syncJson } from './support';

/** `runAt(n)` is a minute per run: this many runs make a day. */
export const RUNS_PER_DAY = 1440;
export const FLAG_OBJECT = 'Coaching_Flag__c';
/** The flag fields the stories look at (Evidence__c, long text, is left out to keep output small). */
export const FLAG_FIELDS = [
  'Id',
  'Flag_Key__c',
  'Scope__c',
  'Salesperson__c',
  'Manager__c',
  'Measure__c',
  'Step__c',
  'Diagnosis__c',
  'Severity__c',
  'Actual__c',
  'Target__c',
  'Team_Value__c',
  'Sample_Size__c',
  'Lost_Units__c',
  'Is_Focus__c',
  'Status__c',
  'Period_Start__c',
  'Period_End__c',
  'Summary__c',
  'Commitment__c',
  'Follow_Up_Date__c',
  'Outcome__c',
] as const;
export const OPEN_STATUSES: readonly string[] = ['New', 'Committed', 'Not Improved'];

export interface PlantedRep {
  userId: string;
  name: string;
  profile: DemoProfile;
}

/** The seeded salespeople with the given profile (several are 'strong' or 'ordinary'). */
export function plantedReps(org: DemoOrg, profile: DemoProfile): PlantedRep[] {
  const profiles = org.sandbox.seeded?.profiles ?? [];
  return profiles.filter((p) => p.profile === profile).map(({ userId, name }) => ({ userId, name, profile }));
}

/** The one seeded salesperson with a profile planted once. */
export function plantedRep(org: DemoOrg, profile: DemoProfile): PlantedRep {
  const [rep, ...more] = plantedReps(org, profile);
  if (!rep || more.length > 0) throw new Error(`expected exactly one '${profile}' salesperson in the seed`);
  return rep;
}

/** Moves the sandbox's clock to run n's `--now`, then syncs live (see the module comment). */
export async function syncInStep(
  org: DemoOrg,
  n: number,
  extra: readonly string[] = [],
): Promise<CliRun & { report: SyncJson }> {
  org.sandbox.clock.set(Date.parse(runAt(n)));
  return syncJson(org, n, extra);
}

/** The run number `days` after run `n`, at the same time of day. */
export function daysLater(n: number, days: number): number {
  return n + days * RUNS_PER_DAY;
}

/** Deletes the state file and SQLite's side files: the connector's memory is gone, the org's is not. */
export function loseState(org: DemoOrg): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${org.statePath}${suffix}`, { force: true });
}

export function flags(org: DemoOrg, where = ''): SfRecord[] {
  return query(org, `SELECT ${FLAG_FIELDS.join(', ')} FROM ${FLAG_OBJECT}${where ? ` WHERE ${where}` : ''}`);
}

export function flagByKey(org: DemoOrg, key: string): SfRecord {
  const [flag] = flags(org, `Flag_Key__c = '${key}'`);
  if (!flag) throw new Error(`no flag ${key} in the org`);
  return flag;
}

/** Tasks the product wrote (they carry its key), optionally one rule: `stale_lead`, `agenda`, `coaching_outcome`. */
export function productTasks(org: DemoOrg, rule?: string): SfRecord[] {
  const where = rule === undefined ? 'Coaching_Key__c != null' : `Coaching_Key__c LIKE 'v1:${rule}:%'`;
  return query(
    org,
    `SELECT Id, Coaching_Key__c, OwnerId, WhoId, Type, Status, Subject, ActivityDate, Description FROM Task WHERE ${where}`,
  );
}

/** Values that occur more than once. */
export function duplicates(values: readonly unknown[]): unknown[] {
  const seen = new Set<unknown>();
  const twice = new Set<unknown>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}

/** "salesperson × measure" of every open flag that shares it with another open flag. */
export function doublyOpen(org: DemoOrg): unknown[] {
  return duplicates(
    flags(org)
      .filter((f) => OPEN_STATUSES.includes(String(f.Status__c)))
      .map((f) => `${String(f.Salesperson__c)} × ${String(f.Measure__c)}`),
  );
}

/** The manager records the salesperson's commitment in the 1:1, as the manager user. */
export function commitTo(org: DemoOrg, flag: SfRecord, commitment: string, followUpDate: string): void {
  org.sandbox.org.writer.update(
    FLAG_OBJECT,
    String(flag.Id),
    { Commitment__c: commitment, Follow_Up_Date__c: followUpDate, Status__c: 'Committed' },
    String(flag.Manager__c),
  );
}

/** The local calendar date (YYYY-MM-DD) of an instant in the dealership's time zone. */
export function localDate(iso: string, timeZone = 'America/Chicago'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

/** A YYYY-MM-DD date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What a connector with no memory would compute now: a dry run of run n on a fresh state file
 * (a full backfill, the org's flags read back). It changes neither the org nor any state.
 */
export async function freshDryRun(org: DemoOrg, n: number): Promise<CliRun & { report: SyncJson }> {
  const state = path.join(org.dir, `fresh-${n}-${Date.now()}.db`);
  const run = await cli(
    ['sync', '--config', CONFIG, '--state', state, '--dry-run', '--json', '--now', runAt(n), '--log-level', 'warn'],
    org.env,
  );
  return { ...run, report: (run.stdout.trim() ? JSON.parse(run.stdout) : {}) as SyncJson };
}

/** System fields that change on every write, whatever was sent. */
const STAMPS = new Set(['attributes', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);

/** Every field of every record the product wrote (flags, keyed tasks, scorecards, effectiveness) by key, no stamps. */
export function productContent(org: DemoOrg): Map<string, SfRecord> {
  const all = (object: string): string => {
    const type = org.sandbox.org.catalog.object(object);
    if (!type) throw new Error(`no ${object} in the sandbox`);
    return type.fields.map((f) => f.name).join(', ');
  };
  const content = new Map<string, SfRecord>();
  const keep = (key: unknown, record: SfRecord): void => {
    content.set(String(key), Object.fromEntries(Object.entries(record).filter(([field]) => !STAMPS.has(field))));
  };
  for (const flag of query(org, `SELECT ${all(FLAG_OBJECT)} FROM ${FLAG_OBJECT}`)) keep(flag.Flag_Key__c, flag);
  for (const task of query(org, `SELECT ${all('Task')} FROM Task WHERE Coaching_Key__c != null`))
    keep(task.Coaching_Key__c, task);
  for (const card of query(org, `SELECT ${all('Coaching_Scorecard__c')} FROM Coaching_Scorecard__c`))
    keep(card.Scorecard_Key__c, card);
  for (const entry of query(org, `SELECT ${all('Coaching_Effectiveness__c')} FROM Coaching_Effectiveness__c`))
    keep(entry.Effectiveness_Key__c, entry);
  return content;
}

/** Calls the sandbox counted by kind since `before` (a `usage.counters().byKind`). */
export function callsSince(org: DemoOrg, before: Record<string, number>): Record<string, number> {
  const after = org.sandbox.usage.counters().byKind;
  return Object.fromEntries(
    Object.entries(after)
      .map(([kind, n]) => [kind, n - (before[kind] ?? 0)])
      .filter(([, n]) => n !== 0),
  );
}

/**
 * A planned write as `sync --json` prints it: with its fields (src/cli/render-run.ts; support's
 * SyncJson leaves them out).
 */
export interface PlannedWrite {
  object: string;
  key: string;
  fields: SfRecord;
}

export function plannedUpdates(report: SyncJson): PlannedWrite[] {
  return report.plan.updates as PlannedWrite[];
}

/** Creates and updates alike. */
export function plannedWrites(report: SyncJson): PlannedWrite[] {
  return [...(report.plan.creates as PlannedWrite[]), ...plannedUpdates(report)];
}
