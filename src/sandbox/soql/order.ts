import type { OrderByClause } from '@jetstreamapp/soql-parser-js';
import type { SObjectType } from '../schema/catalog';
import type { FieldValue, StoredRecord } from '../schema/types';
import type { PathResolver } from './field-path';
import { categoryOf } from './literals';
import { locate, queryError } from './soql-error';

/**
 * ORDER BY: several keys, ASC/DESC, NULLS FIRST/LAST (Salesforce's default puts nulls first
 * ascending and last descending); text sorts case-insensitively.
 */

export interface OrderKey {
  path: string;
  get: (record: StoredRecord) => FieldValue;
  descending: boolean;
  nullsFirst: boolean;
}

export function compileOrder(
  orderBy: OrderByClause[],
  base: SObjectType,
  resolver: PathResolver,
  soql: string,
): OrderKey[] {
  return orderBy.map((clause) => {
    if (!('field' in clause))
      throw queryError(
        'MALFORMED_QUERY',
        soql,
        'The sandbox supports ORDER BY on fields only in non-aggregate queries',
      );
    const path = resolver.resolve(base, clause.field);
    if (!path.field.sortable) {
      throw queryError(
        'INVALID_FIELD',
        soql,
        `field '${path.field.name}' can not be sorted in a query call`,
        locate(soql, clause.field),
      );
    }
    const descending = clause.order === 'DESC';
    const text = categoryOf(path.field.type) === 'text';
    const get = text
      ? (r: StoredRecord): FieldValue => {
          const v = path.get(r);
          return typeof v === 'string' ? v.toLowerCase() : v;
        }
      : path.get;
    return { path: path.path, get, descending, nullsFirst: clause.nulls ? clause.nulls === 'FIRST' : !descending };
  });
}

/** Whether the keys are exactly (SystemModstamp ASC[, Id ASC]): the store's index order. */
export function isModstampOrder(keys: readonly OrderKey[]): boolean {
  const [first, second, ...rest] = keys;
  if (!first || rest.length > 0 || first.path !== 'SystemModstamp' || first.descending) return false;
  return !second || (second.path === 'Id' && !second.descending);
}

export function sortRows(rows: readonly StoredRecord[], keys: readonly OrderKey[]): StoredRecord[] {
  return sortDecorated(rows, keys, (record) => keys.map((k) => k.get(record)));
}

/** How ORDER BY compares one key: direction and where nulls go. */
export interface SortDirection {
  descending: boolean;
  nullsFirst: boolean;
}

/**
 * Sorts items by the values `valuesOf` gives for each key, computed once per item: SOQL's
 * ORDER BY, shared by record and aggregate queries.
 */
export function sortDecorated<T>(
  items: readonly T[],
  keys: readonly SortDirection[],
  valuesOf: (item: T) => FieldValue[],
): T[] {
  const decorated = items.map((item) => ({ item, values: valuesOf(item) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const va = a.values[i] ?? null;
      const vb = b.values[i] ?? null;
      if (!key || va === vb) continue;
      if (va === null) return key.nullsFirst ? -1 : 1;
      if (vb === null) return key.nullsFirst ? 1 : -1;
      const c = va < vb ? -1 : 1;
      return key.descending ? -c : c;
    }
    return 0;
  });
  return decorated.map((d) => d.item);
}
