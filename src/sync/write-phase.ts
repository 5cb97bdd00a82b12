/**
 * The write phase (ARCHITECTURE.md §5.2, §7): the desired records are diffed against the ledger, the
 * gaps in the ledger are filled from what the org is known to hold (and, for anything still
 * unknown, read back from the org by key), and what changed is upserted by external id in
 * collections of 200. The ledger is updated after every collection, so a run killed mid-write
 * resumes with what it already wrote; upserting by key makes a resent record an update, never
 * a second record.
 */
import { type DesiredRecord, type Ledger, type PlannedWrite, planWrites, type SfRecord, type WritePlan } from '../core';
import type { Logger } from '../lib/logger';
import { ledgerKey } from './compute-phase';
import type { CrmWriter, LedgerEntry, WriteItemResult } from './ports';
import type { SyncState } from './sync-state';

/** Records per collection call: Salesforce's sObject Collections limit. */
export const WRITE_CHUNK = 200;
/** A record known to exist whose written content is unknown: any desired content differs from it. */
const UNKNOWN_HASH = '';

export interface WriteFailure {
  object: string;
  key: string;
  errorCode: string;
  message: string;
}

export interface WriteSummary {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  failures: WriteFailure[];
}

export interface WritePhaseDeps {
  writer: CrmWriter;
  state: SyncState;
  logger: Logger;
  now: () => number;
  /** Called between collections; throws to stop the run cleanly. */
  checkBudget: () => void;
}

/**
 * The plan for this run. A desired record missing from the ledger but known to exist in the
 * org (read back with the org's records, or by key below) becomes an update: its create-only
 * fields (a task's owner and status, a flag's first status) are not sent again.
 */
export async function planAgainstOrg(
  desired: readonly DesiredRecord[],
  known: ReadonlyMap<string, string>,
  deps: Pick<WritePhaseDeps, 'state' | 'writer'>,
): Promise<WritePlan> {
  const stored = deps.state.getLedger(desired.map((record) => ledgerKey(record.object, record.key)));
  const ledger = (extra: ReadonlyMap<string, string>): Ledger => ({
    get(object, key) {
      const id = ledgerKey(object, key);
      const entry = stored.get(id);
      if (entry) return { hash: entry.hash, ...(entry.sfId === null ? {} : { sfId: entry.sfId }) };
      const sfId = known.get(id) ?? extra.get(id);
      return sfId === undefined ? undefined : { hash: UNKNOWN_HASH, sfId };
    },
  });
  const first = planWrites(desired, ledger(new Map()));
  if (first.creates.length === 0) return first;

  const found = await readBack(first.creates, deps.writer);
  return found.size === 0 ? first : planWrites(desired, ledger(found));
}

async function readBack(creates: readonly PlannedWrite[], writer: CrmWriter): Promise<Map<string, string>> {
  const byObject = new Map<string, { keyField: string; keys: string[] }>();
  for (const { record } of creates) {
    const group = byObject.get(record.object) ?? { keyField: record.keyField, keys: [] };
    group.keys.push(record.key);
    byObject.set(record.object, group);
  }
  const found = new Map<string, string>();
  for (const [object, { keyField, keys }] of byObject) {
    const records: SfRecord[] = await writer.findByKeys(object, keyField, keys);
    for (const record of records) {
      const key = record[keyField];
      if (typeof key === 'string' && typeof record.Id === 'string') found.set(ledgerKey(object, key), record.Id);
    }
  }
  return found;
}

/** Sends creates and updates, object by object, 200 at a time, recording each success. */
export async function executePlan(plan: WritePlan, deps: WritePhaseDeps): Promise<WriteSummary> {
  const summary: WriteSummary = { created: 0, updated: 0, skipped: plan.skips.length, failed: 0, failures: [] };
  const writes = [
    ...plan.creates.map((w) => ({ w, create: true })),
    ...plan.updates.map((w) => ({ w, create: false })),
  ];
  const groups = new Map<string, typeof writes>();
  for (const item of writes) {
    const group = groups.get(item.w.record.object) ?? [];
    group.push(item);
    groups.set(item.w.record.object, group);
  }
  for (const [object, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (let start = 0; start < group.length; start += WRITE_CHUNK) {
      deps.checkBudget();
      const chunk = group.slice(start, start + WRITE_CHUNK);
      const keyField = chunk[0]?.w.record.keyField ?? '';
      const results = await deps.writer.upsert(
        object,
        keyField,
        chunk.map(({ w }) => w.payload),
      );
      const written = settle(chunk, results, summary, deps.now());
      // The ledger says what the org holds: a writer that sends nothing answers for records it does not.
      if (deps.writer.sends !== false) deps.state.recordWrites(written);
    }
    deps.logger.info('written', { object, records: group.length });
  }
  return summary;
}

function settle(
  chunk: ReadonlyArray<{ w: PlannedWrite; create: boolean }>,
  results: readonly WriteItemResult[],
  summary: WriteSummary,
  now: number,
): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  chunk.forEach(({ w, create }, index) => {
    const result = results[index];
    const { object, key } = w.record;
    if (result?.ok) {
      if (create && result.created !== false) summary.created += 1;
      else summary.updated += 1;
      entries.push({
        ledgerKey: ledgerKey(object, key),
        object,
        hash: w.hash,
        sfId: result.id ?? w.sfId ?? null,
        writtenAt: now,
      });
    } else {
      // Not recorded in the ledger: the next run plans it again and retries it.
      summary.failed += 1;
      summary.failures.push({
        object,
        key,
        errorCode: result?.errorCode ?? 'NO_RESULT',
        message: result?.message ?? 'no result',
      });
    }
  });
  return entries;
}
