/**
 * The state store: everything a sync run keeps between runs (ARCHITECTURE.md §3, §7), in one SQLite
 * file. Every method is synchronous (better-sqlite3 is) and either completes or changes
 * nothing; failures surface as CoachErrors with STATE_* codes.
 */
import BetterSqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import type { EventColumns } from '../core/event-columns';
import type { Checkpoint, FinishedRun, LedgerEntry, RunSummary, StoredRecord } from '../sync/ports';
import { CheckpointTable, modstampMs } from './checkpoints';
import { IN_MEMORY, openDatabase } from './database';
import { openReadOnlyDatabase } from './read-only';
import { toStateError } from './errors';
import { StoredEvents } from './events';
import { LedgerTable } from './ledger';
import { MetaTable } from './meta';
import { holderCheck, type HolderCheck, type LockScope, RunLock, type LockResult } from './lock';
import { RecordTable, type StoredFact } from './records';
import { RunTable } from './runs';
import { SymbolTable } from './symbols';

export interface StateStoreOptions {
  /** Clock for run and lock times (epoch ms); Date.now when omitted. */
  now?: () => number;
  /** Whether a lock's holder may still run; by default, asks this host about its own processes. */
  holderMayBeAlive?: HolderCheck;
  /** For commands that only read (report, plan, history): nothing on disk changes, no write permission needed. */
  readonly?: boolean;
}

export interface ApplyPageResult {
  /** Records stored (new or replaced). */
  upserted: number;
  /** Records ignored because a newer version (by SystemModstamp) was already stored. */
  skippedStale: number;
  /** Deleted ids that were stored and are now gone. */
  deleted: number;
  /** False when the page's checkpoint was not after the stored one (a re-read page). */
  checkpointAdvanced: boolean;
  /**
   * Records the page changed: new ones, ones stored with an older SystemModstamp, and deleted
   * ones that were stored. Re-reading a record at the SystemModstamp already stored (the
   * lookback window does every run) is no change.
   */
  changed: number;
}

export interface PruneResult {
  events: number;
  /** Records dropped because retention left them with no events and no facts. */
  records: number;
}

export class StateStore {
  private readonly symbols: SymbolTable;
  private readonly checkpoints: CheckpointTable;
  private readonly records: RecordTable;
  private readonly events: StoredEvents;
  private readonly ledger: LedgerTable;
  private readonly runs: RunTable;
  private readonly lock: RunLock;
  private readonly meta: MetaTable;

  constructor(
    private readonly db: Database.Database,
    /** Where the file is (for messages), or `:memory:`. */
    readonly path: string,
    private readonly now: () => number,
    /** True when this open created the schema (a first run, or a state moved aside). */
    readonly isNew: boolean,
    private readonly holderMayBeAlive: HolderCheck = holderCheck(),
  ) {
    this.symbols = new SymbolTable(db);
    this.checkpoints = new CheckpointTable(db, now);
    this.records = new RecordTable(db, this.symbols);
    this.events = new StoredEvents(db, this.symbols);
    this.ledger = new LedgerTable(db);
    this.runs = new RunTable(db, now);
    this.lock = new RunLock(db, now, holderMayBeAlive);
    this.meta = new MetaTable(db);
  }

  // --- reading Salesforce ----------------------------------------------------------------------

  getCheckpoint(object: string): Checkpoint | null {
    return this.read('getCheckpoint', () => this.checkpoints.get(object));
  }

  /**
   * Stores one page in one transaction: upserts `records` (replacing each one's events and
   * facts), then removes `deletedIds` (so an id in both ends up deleted), then advances the
   * object's checkpoint unless that would move it backwards (or `checkpoint` is null). If
   * anything fails, nothing of the page is kept and the checkpoint stays where it was.
   */
  applyPage(
    object: string,
    records: readonly StoredRecord[],
    deletedIds: readonly string[],
    checkpoint: Checkpoint | null,
  ): ApplyPageResult {
    return this.write('applyPage', () => {
      const objectSym = this.symbols.intern(object);
      const stored = this.records.modstamps(
        objectSym,
        records.map((record) => record.id),
      );
      let upserted = 0;
      let skippedStale = 0;
      let changed = 0;
      for (const record of records) {
        const modstamp = modstampMs(record.systemModstamp);
        const rk = this.records.upsert(objectSym, record, modstamp);
        if (rk === undefined) {
          skippedStale += 1;
          continue;
        }
        this.events.replaceFor(rk, record.events);
        upserted += 1;
        const before = stored.get(record.id);
        if (before === undefined || before < modstamp) changed += 1;
        // The same Id twice in one page: the second compares with the first.
        stored.set(record.id, modstamp);
      }
      let deleted = 0;
      for (const id of deletedIds) if (this.records.delete(objectSym, id)) deleted += 1;
      changed += deleted;
      // null: records read out of order (a Bulk window in progress) are stored, the position is not.
      const checkpointAdvanced = checkpoint === null ? false : this.checkpoints.advance(object, checkpoint);
      return { upserted, skippedStale, deleted, checkpointAdvanced, changed };
    });
  }

  // --- what the core computes from ---------------------------------------------------------------

  /**
   * Step events at or after `since` (epoch ms; all when omitted), streamed into the core's
   * columns in storage order (the core orders them itself): what a run measures from, without
   * an object per event.
   */
  loadEventColumns(options: { since?: number } = {}): EventColumns {
    // Retention keeps the table close to what runs load, so its size is a fair capacity.
    return this.read('loadEventColumns', () => this.events.loadColumns(options.since, this.events.count()));
  }

  /** Non-event facts of every stored record, or of one object's records. */
  loadFacts(options: { object?: string } = {}): StoredFact[] {
    return this.read('loadFacts', () => {
      if (options.object === undefined) return this.records.loadFacts();
      const sym = this.symbols.find(options.object);
      return sym === undefined ? [] : this.records.loadFacts(sym);
    });
  }

  /**
   * Retention: drops events before `ms`, and the records they leave with nothing — if those
   * were also last changed before `ms` (a record changed since is re-read by the lookback, and
   * must still be known then, or the re-read would look like a change).
   */
  pruneEventsBefore(ms: number): PruneResult {
    return this.write('pruneEventsBefore', () => {
      const touched = this.events.pruneBefore(ms);
      const dropped = this.records.dropIfEmpty(new Set(touched), ms);
      return { events: touched.length, records: dropped + this.records.sweep(ms) };
    });
  }

  // --- what the connector wrote --------------------------------------------------------------

  /** Ledger entries for `keys` (missing keys are absent from the map), or all of them. */
  getLedger(keys?: readonly string[]): Map<string, LedgerEntry> {
    return this.read('getLedger', () => this.ledger.get(keys));
  }

  /** Upserts entries by key; an entry with `sfId: null` keeps the Id already known. */
  recordWrites(entries: readonly LedgerEntry[]): void {
    this.write('recordWrites', () => this.ledger.record(entries));
  }

  // --- run history -----------------------------------------------------------------------------

  /** Records a run as running; returns ids of earlier runs left running (now `interrupted`). */
  startRun(runId: string): string[] {
    return this.write('startRun', () => this.runs.start(runId));
  }

  finishRun(runId: string, run: FinishedRun): void {
    this.write('finishRun', () => this.runs.finish(runId, run));
  }

  /** The `limit` most recent runs, newest first. */
  listRuns(limit: number): RunSummary[] {
    return this.read('listRuns', () => this.runs.list(limit));
  }

  lastSuccessfulRun(): RunSummary | null {
    return this.read('lastSuccessfulRun', () => this.runs.lastSuccessful());
  }

  // --- small named values kept between runs ------------------------------------------------------

  /** The value stored under `key`, or null. */
  getMeta(key: string): string | null {
    return this.read('getMeta', () => this.meta.get(key));
  }

  /** Stores `value` under `key`, replacing what was there. */
  setMeta(key: string, value: string): void {
    this.write('setMeta', () => this.meta.set(key, value));
  }

  // --- one run at a time -------------------------------------------------------------------------

  acquireLock(holder: string, ttlMs: number, scope: LockScope = 'sync'): LockResult {
    return this.write('acquireLock', () => this.lock.acquire(holder, ttlMs, scope));
  }

  refreshLock(holder: string, scope: LockScope = 'sync'): void {
    this.write('refreshLock', () => this.lock.refresh(holder, scope));
  }

  releaseLock(holder: string, scope: LockScope = 'sync'): boolean {
    return this.write('releaseLock', () => this.lock.release(holder, scope));
  }

  /** True when opened for reading only: every write fails. */
  get readonly(): boolean {
    return this.db.readonly;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * A private in-memory copy of this store, for dry runs: the run reads, stores pages and
   * plans against the copy exactly as a live run would, and the file is left untouched.
   */
  copyInMemory(): StateStore {
    return this.read('copyInMemory', () => {
      // A WAL file's header (bytes 18-19 = 2) makes its in-memory image unopenable
      // (SQLITE_CANTOPEN): mark it rollback-journal.
      const copy = new BetterSqlite(this.db.serialize().fill(1, 18, 20));
      copy.pragma('foreign_keys = ON');
      return new StateStore(copy, IN_MEMORY, this.now, this.isNew, this.holderMayBeAlive);
    });
  }

  /**
   * IMMEDIATE takes the write lock at BEGIN: a deferred transaction that reads first and writes
   * later cannot wait for another writer in WAL mode, it fails at once with SQLITE_BUSY.
   */
  private write<T>(operation: string, work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      this.symbols.discardCache();
      throw toStateError(error, operation, this.path);
    }
  }

  private read<T>(operation: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw toStateError(error, operation, this.path);
    }
  }
}

/** Opens (creating and migrating as needed) the state file at `path`, or `:memory:`. */
export function openStateStore(path: string, options: StateStoreOptions = {}): StateStore {
  const { db, migratedFrom } =
    options.readonly === true ? { db: openReadOnlyDatabase(path), migratedFrom: -1 } : openDatabase(path);
  try {
    return new StateStore(
      db,
      path,
      options.now ?? Date.now,
      migratedFrom === 0,
      options.holderMayBeAlive ?? holderCheck(),
    );
  } catch (error) {
    db.close();
    throw toStateError(error, 'preparing the state store', path);
  }
}

export type { LockResult, LockScope } from './lock';
export { holderCheck, lockHolder, processExists } from './lock';
export type { HolderCheck } from './lock';
export type { StoredFact } from './records';
export { compareCheckpoints } from './checkpoints';
export { StateErrorCode } from './errors';
