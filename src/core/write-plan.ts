/**
 * The write plan: desired records diffed against the ledger of what was written into create,
 * update and skip. The hash covers what the connector keeps up to date (object, key and
 * updatable fields), not the create-only fields: those are never sent again, so a change to
 * them is no reason to write. Output is sorted by object and key, whatever the input order.
 */
import { contentHash } from './content-hash';
import { CoreError } from './core-error';
import type { DesiredRecord, SfValue } from './desired';

export interface LedgerEntry {
  hash: string;
  /** Salesforce Id, once known. */
  sfId?: string;
}

/** What was written, looked up by object and key (the state store implements it). */
export interface Ledger {
  get(object: string, key: string): LedgerEntry | undefined;
}

export interface PlannedWrite {
  record: DesiredRecord;
  hash: string;
  sfId?: string;
  /** Fields to send: the key, and for a create the create-only fields too. */
  payload: Record<string, SfValue>;
}

export interface WritePlan {
  creates: PlannedWrite[];
  updates: PlannedWrite[];
  skips: PlannedWrite[];
}

export function desiredHash(record: DesiredRecord): string {
  return contentHash({ object: record.object, key: record.key, fields: record.fields });
}

export function planWrites(desired: readonly DesiredRecord[], ledger: Ledger): WritePlan {
  const plan: WritePlan = { creates: [], updates: [], skips: [] };
  const seen = new Set<string>();
  const sorted = [...desired].sort((a, b) => compare(a.object, b.object) || compare(a.key, b.key));
  for (const record of sorted) {
    const id = `${record.object}\u0000${record.key}`;
    if (seen.has(id))
      throw new CoreError('DUPLICATE_KEY', `Two desired ${record.object} records share the key "${record.key}".`);
    seen.add(id);
    const hash = desiredHash(record);
    const entry = ledger.get(record.object, record.key);
    const key = { [record.keyField]: record.key };
    if (!entry) {
      plan.creates.push({ record, hash, payload: { ...record.createOnly, ...record.fields, ...key } });
    } else {
      const write = {
        record,
        hash,
        payload: { ...record.fields, ...key },
        ...(entry.sfId === undefined ? {} : { sfId: entry.sfId }),
      };
      (entry.hash === hash ? plan.skips : plan.updates).push(write);
    }
  }
  return plan;
}

/** A ledger over an in-memory map (tests, previews). */
export function mapLedger(entries: Iterable<{ object: string; key: string } & LedgerEntry>): Ledger {
  const map = new Map<string, LedgerEntry>();
  for (const { object, key, ...entry } of entries) map.set(`${object}\u0000${key}`, entry);
  return { get: (object, key) => map.get(`${object}\u0000${key}`) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
