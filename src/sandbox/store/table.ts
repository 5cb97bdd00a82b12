import type { SObjectType } from '../schema/catalog';
import type { FieldDef, StoredRecord } from '../schema/types';

/**
 * The rows of one object. Rows are immutable: a write replaces the row object, so a query
 * cursor that holds row references keeps the snapshot it was opened on. Two orders are kept:
 * insertion order (ids ascend with it) and (SystemModstamp, Id), the order incremental
 * readers page in; the latter is maintained lazily, cheaply for the common append-only case.
 */
export class Table {
  private readonly rows = new Map<string, StoredRecord>();
  private ordered: StoredRecord[] = [];
  private orderedIsSorted = true;
  private supersededInOrdered = 0;
  /** Indexed fields (external ids and unique fields): value key → ids holding it. */
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  private readonly indexedFields: readonly FieldDef[];
  readonly template: StoredRecord;

  constructor(readonly type: SObjectType) {
    this.indexedFields = type.fields.filter((f) => f.externalId || f.unique);
    for (const f of this.indexedFields) this.indexes.set(f.name, new Map());
    // Every row is created from this template so rows share one shape (V8 hidden class).
    this.template = Object.fromEntries(type.fields.map((f) => [f.name, null]));
  }

  get size(): number {
    return this.rows.size;
  }

  get(id: string): StoredRecord | undefined {
    return this.rows.get(id);
  }

  /** Rows in insertion order (ids ascending). */
  values(): IterableIterator<StoredRecord> {
    return this.rows.values();
  }

  /** Inserts or replaces the row with this record's Id. */
  put(record: StoredRecord): void {
    const id = record.Id as string;
    const previous = this.rows.get(id);
    if (previous) {
      this.unindex(previous);
      this.supersededInOrdered++;
    }
    this.rows.set(id, record);
    this.index(record);
    const last = this.ordered[this.ordered.length - 1];
    if (last && compareModstampId(last, record) > 0) this.orderedIsSorted = false;
    this.ordered.push(record);
  }

  /** Removes a row outright (only rollbacks do this; deletes are soft). */
  remove(id: string): void {
    const previous = this.rows.get(id);
    if (!previous) return;
    this.unindex(previous);
    this.rows.delete(id);
    this.supersededInOrdered++;
  }

  clear(): void {
    this.rows.clear();
    this.ordered = [];
    this.orderedIsSorted = true;
    this.supersededInOrdered = 0;
    for (const index of this.indexes.values()) index.clear();
  }

  /** Live rows ordered by (SystemModstamp, Id); the array must not be modified. */
  byModstamp(): readonly StoredRecord[] {
    if (this.supersededInOrdered > 0) {
      this.ordered = this.ordered.filter((r) => this.rows.get(r.Id as string) === r);
      this.supersededInOrdered = 0;
    }
    if (!this.orderedIsSorted) {
      this.ordered.sort(compareModstampId);
      this.orderedIsSorted = true;
    }
    return this.ordered;
  }

  /** Ids of live (not deleted) rows whose indexed field holds this value. */
  lookup(field: FieldDef, value: string): string[] {
    const ids = this.indexes.get(field.name)?.get(indexKey(field, value));
    return ids ? [...ids] : [];
  }

  isIndexed(field: FieldDef): boolean {
    return this.indexes.has(field.name);
  }

  private index(record: StoredRecord): void {
    if (record.IsDeleted === true) return;
    for (const f of this.indexedFields) {
      const value = record[f.name];
      if (value === null || value === undefined) continue;
      const index = this.indexes.get(f.name);
      const key = indexKey(f, String(value));
      const ids = index?.get(key);
      if (ids) ids.add(record.Id as string);
      else index?.set(key, new Set([record.Id as string]));
    }
  }

  private unindex(record: StoredRecord): void {
    for (const f of this.indexedFields) {
      const value = record[f.name];
      if (value === null || value === undefined) continue;
      this.indexes
        .get(f.name)
        ?.get(indexKey(f, String(value)))
        ?.delete(record.Id as string);
    }
  }
}

function indexKey(field: FieldDef, value: string): string {
  return field.caseSensitive ? value : value.toLowerCase();
}

export function compareModstampId(a: StoredRecord, b: StoredRecord): number {
  const ma = a.SystemModstamp as string;
  const mb = b.SystemModstamp as string;
  if (ma !== mb) return ma < mb ? -1 : 1;
  const ia = a.Id as string;
  const ib = b.Id as string;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}
