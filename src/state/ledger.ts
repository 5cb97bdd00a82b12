/**
 * The write ledger: for every record the connector wrote (by its deterministic key), the hash
 * of what it wrote and the Salesforce Id. The writer diffs its plan against it to send only
 * what changed.
 */
import type Database from 'better-sqlite3';
import type { LedgerEntry } from '../sync/ports';

interface LedgerRow {
  key: string;
  object: string;
  hash: string;
  sf_id: string | null;
  written_at: number;
}

const COLUMNS = 'key, object, hash, sf_id, written_at';

export class LedgerTable {
  private readonly selectAll: Database.Statement<[], LedgerRow>;
  private readonly selectKeys: Database.Statement<[string], LedgerRow>;
  private readonly upsert: Database.Statement<[string, string, string, string | null, number]>;

  constructor(db: Database.Database) {
    this.selectAll = db.prepare<[], LedgerRow>(`SELECT ${COLUMNS} FROM ledger`);
    // Keys travel as one JSON array: any number of them, one prepared statement.
    this.selectKeys = db.prepare<[string], LedgerRow>(
      `SELECT ${COLUMNS} FROM ledger WHERE key IN (SELECT value FROM json_each(?))`,
    );
    // A write whose result carried no Id (e.g. an update) keeps the Id learnt earlier.
    this.upsert = db.prepare(
      `INSERT INTO ledger(${COLUMNS}) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET object = excluded.object, hash = excluded.hash,
         sf_id = coalesce(excluded.sf_id, ledger.sf_id), written_at = excluded.written_at`,
    );
  }

  /** Entries for `keys` (absent keys are simply missing from the map), or all entries. */
  get(keys?: readonly string[]): Map<string, LedgerEntry> {
    const rows = keys === undefined ? this.selectAll.all() : this.selectKeys.all(JSON.stringify(keys));
    return new Map(rows.map((row) => [row.key, toEntry(row)]));
  }

  record(entries: readonly LedgerEntry[]): void {
    for (const entry of entries)
      this.upsert.run(entry.ledgerKey, entry.object, entry.hash, entry.sfId, entry.writtenAt);
  }
}

function toEntry(row: LedgerRow): LedgerEntry {
  return { ledgerKey: row.key, object: row.object, hash: row.hash, sfId: row.sf_id, writtenAt: row.written_at };
}
