/**
 * The snapshot of Salesforce records the measures are recomputed from: per (object, Id) the
 * record's non-event facts; its events live in `event` and go with it.
 */
import type Database from 'better-sqlite3';
import type { StoredRecord } from '../sync/ports';
import { badInput } from './errors';
import type { SymbolTable } from './symbols';

/** One non-event fact with the record it came from. */
export interface StoredFact {
  object: string;
  recordId: string;
  fact: unknown;
}

export class RecordTable {
  private readonly upsertNewer: Database.Statement<[number, string, number, string | null], number>;
  private readonly selectModstamps: Database.Statement<[number, string], [string, number]>;
  private readonly remove: Database.Statement<[number, string]>;
  private readonly removeIfEmpty: Database.Statement<[number, number]>;
  private readonly sweepEmpty: Database.Statement<[number]>;
  private readonly selectFacts: Database.Statement<[], [number, string, string]>;
  private readonly selectObjectFacts: Database.Statement<[number], [number, string, string]>;

  constructor(
    db: Database.Database,
    private readonly symbols: SymbolTable,
  ) {
    // The WHERE makes an older version of a record (by SystemModstamp) unable to replace a
    // newer one; RETURNING then yields no row and the caller leaves its events alone.
    this.upsertNewer = db
      .prepare<[number, string, number, string | null], number>(
        `INSERT INTO record(object, id, modstamp_ms, facts) VALUES (?, ?, ?, ?)
         ON CONFLICT(object, id) DO UPDATE SET modstamp_ms = excluded.modstamp_ms, facts = excluded.facts
           WHERE excluded.modstamp_ms >= record.modstamp_ms
         RETURNING rk`,
      )
      .pluck();
    // One statement for a whole page (ids as a JSON array), not one lookup per record.
    this.selectModstamps = db
      .prepare<[number, string], [string, number]>(
        'SELECT id, modstamp_ms FROM record WHERE object = ? AND id IN (SELECT value FROM json_each(?))',
      )
      .raw();
    this.remove = db.prepare<[number, string]>('DELETE FROM record WHERE object = ? AND id = ?');
    // Only records last changed before the cutoff: a recently changed record (an old call edited
    // today) is re-read by the next run's lookback, and finding it gone would count as a change.
    this.removeIfEmpty = db.prepare<[number, number]>(
      'DELETE FROM record WHERE rk = ? AND modstamp_ms < ? AND facts IS NULL AND NOT EXISTS (SELECT 1 FROM event WHERE record_rk = record.rk)',
    );
    // Records that never held anything (calls that map to no step, e-mails) are kept while the
    // lookback may re-read them; after that they are only weight.
    this.sweepEmpty = db.prepare<[number]>(
      'DELETE FROM record WHERE modstamp_ms < ? AND facts IS NULL AND NOT EXISTS (SELECT 1 FROM event WHERE record_rk = record.rk)',
    );
    this.selectFacts = db
      .prepare<[], [number, string, string]>(
        'SELECT object, id, facts FROM record WHERE facts IS NOT NULL ORDER BY object, id',
      )
      .raw();
    this.selectObjectFacts = db
      .prepare<[number], [number, string, string]>(
        'SELECT object, id, facts FROM record WHERE object = ? AND facts IS NOT NULL ORDER BY id',
      )
      .raw();
  }

  /** Stores the record unless a newer version is already stored; its key, or undefined if skipped. */
  upsert(object: number, record: StoredRecord, modstampMs: number): number | undefined {
    return this.upsertNewer.get(object, record.id, modstampMs, encodeFacts(record));
  }

  /** The stored SystemModstamp (epoch ms) of each of `ids` that is stored. */
  modstamps(object: number, ids: readonly string[]): Map<string, number> {
    const found = new Map<string, number>();
    if (ids.length === 0) return found;
    for (const [id, modstampMs] of this.selectModstamps.iterate(object, JSON.stringify(ids))) found.set(id, modstampMs);
    return found;
  }

  /** Removes the record and (by cascade) its events; true if it was stored. */
  delete(object: number, id: string): boolean {
    return this.remove.run(object, id).changes > 0;
  }

  /** Drops records left with no events and no facts (after retention pruned their events). */
  /** Drops those of the records that hold nothing any more and were last changed before `beforeMs`. */
  dropIfEmpty(recordRks: Iterable<number>, beforeMs: number): number {
    let dropped = 0;
    for (const rk of recordRks) dropped += this.removeIfEmpty.run(rk, beforeMs).changes;
    return dropped;
  }

  /** Drops every record that holds nothing and was last changed before `beforeMs`. */
  sweep(beforeMs: number): number {
    return this.sweepEmpty.run(beforeMs).changes;
  }

  /** Facts of every record, or of one object's records (by its symbol). */
  loadFacts(object?: number): StoredFact[] {
    const facts: StoredFact[] = [];
    const rows = object === undefined ? this.selectFacts.iterate() : this.selectObjectFacts.iterate(object);
    for (const [objectSym, recordId, encoded] of rows) {
      const object = this.symbols.textOf(objectSym);
      for (const fact of JSON.parse(encoded) as unknown[]) facts.push({ object, recordId, fact });
    }
    return facts;
  }
}

function encodeFacts(record: StoredRecord): string | null {
  if (record.facts.length === 0) return null;
  try {
    return JSON.stringify(record.facts);
  } catch (error) {
    throw badInput(`Facts of record ${record.id} are not plain JSON: ${(error as Error).message}`, {
      recordId: record.id,
    });
  }
}
