/**
 * The soak's two orgs and what happens in them between runs. Both are the seeded demo dealership; the faulted one
 * is synced by child processes under faults, the reference one by the same runs without any. Between runs the
 * salespeople log some activity and, now and then, a manager types on a flag (the commitment, the follow-up date,
 * the Committed status: test/e2e/manager-commitments.test.ts): drawn once, done alike in both orgs. At the end the
 * product's records are compared key by key.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SfRecord } from '../src/core/model';
import type { SeedOptions } from '../src/sandbox/seed';
import { addDays, commitTo, FLAG_OBJECT, flags, localDate } from '../test/e2e/coaching-org';
import { type DemoOrg, query, startDemoOrg, SYSTEM_FIELDS } from '../test/e2e/support';
import type { Dice } from './soak-faults';
import { giveToRuns } from './soak-child';

/** The product's objects and the external key it writes each under. */
const KEYED = [
  [FLAG_OBJECT, 'Flag_Key__c'],
  ['Task', 'Coaching_Key__c'],
  ['Coaching_Scorecard__c', 'Scorecard_Key__c'],
  ['Coaching_Effectiveness__c', 'Effectiveness_Key__c'],
] as const;
/** Far beyond the soak's days: no outcome check reaches a committed flag, whose status must then stay. */
const FOLLOW_UP_DAYS = 60;

export interface SoakOrg extends DemoOrg {
  stateDir: string;
}

/** An org the child processes sync, its state in a directory of their own (the one made read-only). */
export async function startSoakOrg(seed: SeedOptions): Promise<SoakOrg> {
  const org = await startDemoOrg({ seed });
  chmodSync(org.dir, 0o755);
  const stateDir = path.join(org.dir, 'state');
  mkdirSync(stateDir);
  giveToRuns(stateDir);
  return { ...org, stateDir, statePath: path.join(stateDir, 'state.db') };
}

/** Product records by object and key: the record's fields without system fields, as JSON. */
export type ProductRecords = Map<string, string[]>;

export function productByKey(org: DemoOrg): ProductRecords {
  const byKey: ProductRecords = new Map();
  for (const [object, keyField] of KEYED) {
    const fields = org.sandbox.org.catalog.object(object)?.fields.map((f) => f.name) ?? [];
    const where = object === 'Task' ? ' WHERE Coaching_Key__c != null' : '';
    for (const record of query(org, `SELECT ${fields.join(', ')} FROM ${object}${where}`)) {
      const kept = Object.entries(record)
        .filter(([field]) => !SYSTEM_FIELDS.has(field))
        .sort(([a], [b]) => (a < b ? -1 : 1));
      const key = `${object} ${String(record[keyField])}`;
      byKey.set(key, [...(byKey.get(key) ?? []), JSON.stringify(Object.fromEntries(kept))]);
    }
  }
  return byKey;
}

export interface Comparison {
  records: number;
  duplicates: string[];
  missing: string[];
  extra: string[];
  differing: string[];
}

/** The faulted org's product records against the reference's. */
export function compareOrgs(faulted: DemoOrg, reference: DemoOrg): Comparison {
  const got = productByKey(faulted);
  const want = productByKey(reference);
  const duplicates = [...got, ...want].filter(([, copies]) => copies.length > 1).map(([key]) => key);
  const missing = [...want.keys()].filter((key) => !got.has(key));
  const extra = [...got.keys()].filter((key) => !want.has(key));
  const differing = [...want]
    .filter(([key, copies]) => got.has(key) && got.get(key)?.join('\n') !== copies.join('\n'))
    .map(([key]) => key);
  return { records: want.size, duplicates, missing, extra, differing };
}

/** Holders of the run lock left in a state file (none once the last run has ended). */
export function lockHolders(statePath: string): string[] {
  const db = new Database(statePath, { readonly: true });
  try {
    return (db.prepare('SELECT holder FROM run_lock').all() as Array<{ holder: string }>).map((row) => row.holder);
  } finally {
    db.close();
  }
}

/** What a manager typed on a flag, by flag key: those fields must never change afterwards. */
export type ManagerEdits = Map<string, SfRecord>;

const MANAGER_FIELDS = ['Commitment__c', 'Follow_Up_Date__c'];
const fieldsOf = (record: SfRecord, names: readonly string[]): SfRecord =>
  Object.fromEntries(names.map((name) => [name, record[name] ?? null]));

/**
 * A manager edits one New flag (picked in the reference org, done in both): commits to it half the time, else only
 * notes a commitment on it and leaves the rest to the sync. Returns the flag's key, or null when no flag is New.
 */
export function managerEdits(orgs: readonly DemoOrg[], dice: Dice, step: number, edits: ManagerEdits): string | null {
  const [first] = orgs;
  if (!first) return null;
  const open = flags(first, "Status__c = 'New'")
    .map((flag) => String(flag.Flag_Key__c))
    .sort();
  if (open.length === 0) return null;
  const key = open[dice(0, open.length - 1)] ?? '';
  const commits = dice(0, 1) === 1;
  const text = `Soak ${step}: role-play the weak step with the desk manager.`;
  const followUp = addDays(localDate(new Date(first.sandbox.clock.now()).toISOString()), FOLLOW_UP_DAYS);
  for (const org of orgs) {
    const [flag] = flags(org, `Flag_Key__c = '${key}'`);
    if (!flag) throw new Error(`step ${step}: flag ${key} is in the reference org but not in the faulted one`);
    if (commits) commitTo(org, flag, text, followUp);
    else org.sandbox.org.writer.update(FLAG_OBJECT, String(flag.Id), { Commitment__c: text }, String(flag.Manager__c));
  }
  const [edited] = flags(first, `Flag_Key__c = '${key}'`);
  if (edited) edits.set(key, fieldsOf(edited, commits ? ['Status__c', ...MANAGER_FIELDS] : MANAGER_FIELDS));
  return key;
}

/** Flags whose manager-typed fields are no longer what the manager typed. */
export function overwritten(org: DemoOrg, edits: ManagerEdits): string[] {
  return [...edits]
    .filter(([key, typed]) => {
      const [flag] = flags(org, `Flag_Key__c = '${key}'`);
      return !flag || JSON.stringify(fieldsOf(flag, Object.keys(typed))) !== JSON.stringify(typed);
    })
    .map(([key]) => key);
}

/**
 * Some salespeople work between runs: calls that reach nobody on their leads, and new leads they reach and book.
 * The same draws land on the same records in both orgs (their leads are created in the same order).
 */
export function logActivity(orgs: readonly DemoOrg[], dice: Dice, step: number): number {
  const [first] = orgs;
  const reps = first?.sandbox.seeded?.profiles.map((p) => p.userId) ?? [];
  const actions = Array.from({ length: dice(5, 25) }, () => ({
    rep: reps[dice(0, reps.length - 1)] ?? '',
    roll: dice(1, 10_000),
  }));
  for (const org of orgs) {
    for (const [index, { rep, roll }] of actions.entries()) {
      const leads = query(org, `SELECT Id FROM Lead WHERE OwnerId = '${rep}'`)
        .map((lead) => String(lead.Id))
        .sort();
      const writer = org.sandbox.org.writer;
      const reached = roll % 3 === 0 || leads.length === 0;
      const whoId = reached
        ? String(
            writer.create(
              'Lead',
              {
                LastName: `Walk-in ${step}.${index}`,
                Company: 'Private buyer',
                Status: 'Open - Not Contacted',
                OwnerId: rep,
              },
              rep,
            ).Id,
          )
        : (leads[roll % leads.length] ?? '');
      const call = reached
        ? { CallDisposition: 'Contacted', CallDurationInSeconds: 240 }
        : { CallDisposition: 'No Answer', CallDurationInSeconds: 30 };
      writer.create(
        'Task',
        {
          Subject: 'Call',
          Type: 'Call',
          CallType: 'Outbound',
          Status: 'Completed',
          WhoId: whoId,
          OwnerId: rep,
          ...call,
        },
        rep,
      );
      if (reached) {
        const start = new Date(org.sandbox.clock.now() + 2 * 86_400_000).toISOString();
        writer.create(
          'Event',
          {
            Subject: 'Appointment',
            Type: 'Appointment',
            StartDateTime: start,
            DurationInMinutes: 60,
            WhoId: whoId,
            OwnerId: rep,
            Appointment_Status__c: 'Scheduled',
          },
          rep,
        );
      }
    }
  }
  return actions.length;
}

/**
 * A data import: an admin updates most open leads at once, so the next run reads more than a page of them
 * (incremental runs otherwise read fewer records than the smallest page, and short pages would never bite).
 */
export function importLeads(orgs: readonly DemoOrg[], dice: Dice, step: number): number {
  const [first] = orgs;
  if (!first) return 0;
  const count = dice(600, 1200);
  const offset = dice(0, 200);
  for (const org of orgs) {
    const ids = query(org, 'SELECT Id FROM Lead WHERE IsConverted = false')
      .map((lead) => String(lead.Id))
      .sort();
    const admin = org.sandbox.org.integrationUserId;
    for (const id of ids.slice(offset, offset + count)) {
      org.sandbox.org.writer.update('Lead', id, { Description: `Imported at step ${step}` }, admin);
    }
  }
  return count;
}
