import { keyPrefixOf, makeId } from '../ids';
import type { SchemaCatalog, SObjectType } from '../schema/catalog';
import type { StoredRecord } from '../schema/types';
import type { Clock } from '../clock';
import { type LoadInput, loadRecords } from './load-records';
import { Table } from './table';

/**
 * The sandbox org's data: one table per object, the id counter (ids are deterministic), the
 * auto-number counters, and an undo journal so that an all-or-none request can be rolled back.
 * Validation and business rules live in RecordWriter; this class only holds and finds rows.
 */

interface JournalEntry {
  table: Table;
  id: string;
  previous: StoredRecord | undefined;
}

export interface StoreSnapshot {
  format: 'execution-coach-sandbox/1';
  idCounter: number;
  autoNumbers: Record<string, number>;
  records: Record<string, StoredRecord[]>;
  /** Facts about the org kept with its data (e.g. which user the integration is). */
  meta?: Record<string, string>;
}

export class Store {
  private readonly tables = new Map<string, Table>();
  private idCounter = 0;
  private autoNumbers = new Map<string, number>();
  private journal: JournalEntry[] | null = null;

  /**
   * @param clock stamps history loaded without times, and is what writers stamp with
   * @param timeZone the org's default time zone (derived local dates, date literals)
   */
  constructor(
    readonly catalog: SchemaCatalog,
    readonly clock: Clock,
    readonly timeZone: string,
  ) {
    for (const type of catalog.objects()) this.tables.set(type.name, new Table(type));
  }

  /** Loads history as given (system fields taken from the records); returns the count. */
  load(objectName: string, records: readonly LoadInput[]): number {
    return loadRecords(this, objectName, records, this.timeZone, this.clock.now());
  }

  /** A new 18-character id for an object (the demo generator uses this too). */
  newId(objectName: string): string {
    return makeId(this.type(objectName).def.keyPrefix, ++this.idCounter);
  }

  type(objectName: string): SObjectType {
    const type = this.catalog.object(objectName);
    if (!type) throw new Error(`The sandbox has no object '${objectName}'`);
    return type;
  }

  table(objectName: string): Table {
    const table = this.tables.get(this.type(objectName).name);
    if (!table) throw new Error(`The sandbox has no table for '${objectName}'`);
    return table;
  }

  get(objectName: string, id: string): StoredRecord | undefined {
    return this.table(objectName).get(id);
  }

  /** The record with this 18-character id, whatever its object. */
  findById(id: string): { type: SObjectType; record: StoredRecord } | undefined {
    for (const type of this.catalog.objectsWithPrefix(keyPrefixOf(id))) {
      const record = this.tables.get(type.name)?.get(id);
      if (record) return { type, record };
    }
    return undefined;
  }

  /** Stores a row, remembering what it replaced while a transaction is open. */
  put(objectName: string, record: StoredRecord): void {
    const table = this.table(objectName);
    this.journal?.push({ table, id: record.Id as string, previous: table.get(record.Id as string) });
    table.put(record);
  }

  nextAutoNumber(objectName: string): number {
    const next = (this.autoNumbers.get(objectName) ?? 0) + 1;
    this.autoNumbers.set(objectName, next);
    return next;
  }

  /** Runs `work`; if it throws, every row it wrote is restored and the error rethrown. */
  transaction<T>(work: () => T): T {
    if (this.journal !== null) return work();
    this.journal = [];
    try {
      const result = work();
      this.journal = null;
      return result;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  private rollback(): void {
    const entries = this.journal ?? [];
    this.journal = null;
    for (const entry of entries.reverse()) {
      if (entry.previous) entry.table.put(entry.previous);
      else entry.table.remove(entry.id);
    }
  }

  /** Row counts per object (objects with rows only). */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [name, table] of this.tables) if (table.size > 0) counts[name] = table.size;
    return counts;
  }

  clear(): void {
    for (const table of this.tables.values()) table.clear();
    this.idCounter = 0;
    this.autoNumbers.clear();
  }

  snapshot(meta: Record<string, string> = {}): StoreSnapshot {
    const records: Record<string, StoredRecord[]> = {};
    for (const [name, table] of this.tables) if (table.size > 0) records[name] = [...table.values()];
    return {
      format: 'execution-coach-sandbox/1',
      idCounter: this.idCounter,
      autoNumbers: Object.fromEntries(this.autoNumbers),
      records,
      meta,
    };
  }

  restore(snapshot: StoreSnapshot): void {
    if (snapshot.format !== 'execution-coach-sandbox/1')
      throw new Error(`Unknown snapshot format '${String(snapshot.format)}'`);
    this.clear();
    for (const [name, rows] of Object.entries(snapshot.records)) {
      const table = this.table(name);
      for (const row of rows) table.put({ ...table.template, ...row });
    }
    this.idCounter = snapshot.idCounter;
    this.autoNumbers = new Map(Object.entries(snapshot.autoNumbers));
  }
}
