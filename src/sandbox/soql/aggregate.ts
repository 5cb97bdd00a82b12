import type { FieldFunctionExpression, FunctionExp, OrderByClause, Query } from '@jetstreamapp/soql-parser-js';
import type { SObjectType } from '../schema/catalog';
import type { FieldValue, StoredRecord } from '../schema/types';
import type { PathResolver, ResolvedPath } from './field-path';
import { categoryOf } from './literals';
import type { JsonRecord } from './projection';
import { sortDecorated } from './order';
import { locate, queryError } from './soql-error';

/**
 * Aggregate queries: COUNT(field), COUNT_DISTINCT, SUM, AVG, MIN, MAX, with or without GROUP BY.
 * Unaliased aggregates are named expr0, expr1… in SELECT order; grouped relationship fields
 * are keyed by their last segment; rows are typed AggregateResult. Grouping on fields a real
 * org cannot group (datetime, double, long text) is refused, as are ungrouped plain fields.
 */

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

interface Group {
  values: FieldValue[];
  rows: StoredRecord[];
}

type Column = { key: string; value: (group: Group) => FieldValue };

export interface AggregatePlan {
  run(rows: readonly StoredRecord[]): JsonRecord[];
}

export function compileAggregate(query: Query, base: SObjectType, resolver: PathResolver, soql: string): AggregatePlan {
  const groupBy = query.groupBy ? (Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy]) : [];
  const groupPaths = groupBy.map((g) => {
    if (!('field' in g))
      throw queryError('MALFORMED_QUERY', soql, 'The sandbox does not support functions in GROUP BY');
    const path = resolver.resolve(base, g.field);
    if (!path.field.groupable) {
      throw queryError(
        'INVALID_FIELD',
        soql,
        `field '${path.field.name}' can not be grouped in a query call`,
        locate(soql, g.field),
      );
    }
    return path;
  });
  const groupIndex = (path: ResolvedPath): number =>
    groupPaths.findIndex((g) => g.path.toLowerCase() === path.path.toLowerCase());

  let exprCounter = 0;
  const columns: Column[] = (query.fields ?? []).map((item) => {
    if (item.type === 'FieldFunctionExpression') {
      const key = item.alias ?? `expr${exprCounter++}`;
      return { key, value: aggregateOf(item, base, resolver, soql) };
    }
    if (item.type !== 'Field' && item.type !== 'FieldRelationship') {
      throw queryError(
        'MALFORMED_QUERY',
        soql,
        'The sandbox supports fields and aggregate functions in aggregate queries',
      );
    }
    const raw = item.type === 'Field' ? item.field : (item.rawValue ?? [...item.relationships, item.field].join('.'));
    const path = resolver.resolve(base, raw);
    const index = groupIndex(path);
    if (index < 0)
      throw queryError(
        'MALFORMED_QUERY',
        soql,
        `Field must be grouped or aggregated: ${path.field.name}`,
        locate(soql, raw),
      );
    const alias = 'alias' in item && typeof item.alias === 'string' ? item.alias : undefined;
    return { key: alias ?? path.field.name, value: (g: Group) => g.values[index] ?? null };
  });

  const orderBy = query.orderBy ? (Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy]) : [];
  const orderKeys = orderBy.map((clause) => orderKeyOf(clause, base, resolver, soql, groupIndex));

  return {
    run(rows) {
      const groups = groupRows(rows, groupPaths);
      const sorted = orderKeys.length > 0 ? sortGroups(groups, orderKeys) : groups;
      const start = query.offset ?? 0;
      const end = query.limit === undefined ? undefined : start + query.limit;
      return sorted.slice(start, end).map((g) => {
        const out: JsonRecord = { attributes: { type: 'AggregateResult' } };
        for (const c of columns) out[c.key] = c.value(g);
        return out;
      });
    },
  };
}

function groupRows(rows: readonly StoredRecord[], paths: readonly ResolvedPath[]): Group[] {
  if (paths.length === 0) return [{ values: [], rows: [...rows] }];
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const values = paths.map((p) => p.get(row));
    const key = JSON.stringify(values.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)));
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { values, rows: [row] });
  }
  return [...groups.values()];
}

function aggregateOf(
  fn: FieldFunctionExpression | FunctionExp,
  base: SObjectType,
  resolver: PathResolver,
  soql: string,
): (g: Group) => FieldValue {
  const name = (fn.functionName ?? '').toUpperCase();
  if (!AGGREGATES.has(name))
    throw queryError('MALFORMED_QUERY', soql, `The sandbox does not support the function ${name}`, locate(soql, name));
  const param = fn.parameters?.[0];
  if (param === undefined) {
    if (name !== 'COUNT') throw queryError('MALFORMED_QUERY', soql, `unexpected token: )`, locate(soql, name));
    return (g) => g.rows.length;
  }
  if (typeof param !== 'string')
    throw queryError('MALFORMED_QUERY', soql, 'The sandbox does not support nested functions');
  const path = resolver.resolve(base, param);
  const numeric = categoryOf(path.field.type) === 'number';
  if ((name === 'SUM' || name === 'AVG') && !numeric) {
    throw queryError('MALFORMED_QUERY', soql, `Invalid field ${path.field.name} for ${name}`, locate(soql, param));
  }
  const text = categoryOf(path.field.type) === 'text';
  return (g) => {
    const values = g.rows.map(path.get).filter((v): v is string | number | boolean => v !== null);
    switch (name) {
      case 'COUNT':
        return values.length;
      case 'COUNT_DISTINCT':
        return new Set(values.map((v) => (text && typeof v === 'string' ? v.toLowerCase() : v))).size;
      case 'SUM':
        return values.length === 0 ? null : values.reduce<number>((s, v) => s + Number(v), 0);
      case 'AVG':
        return values.length === 0 ? null : values.reduce<number>((s, v) => s + Number(v), 0) / values.length;
      case 'MIN':
        return values.reduce<string | number | boolean | null>((m, v) => (m === null || v < m ? v : m), null);
      default:
        return values.reduce<string | number | boolean | null>((m, v) => (m === null || v > m ? v : m), null);
    }
  };
}

interface GroupOrderKey {
  value: (g: Group) => FieldValue;
  descending: boolean;
  nullsFirst: boolean;
}

function orderKeyOf(
  clause: OrderByClause,
  base: SObjectType,
  resolver: PathResolver,
  soql: string,
  groupIndex: (path: ResolvedPath) => number,
): GroupOrderKey {
  const descending = clause.order === 'DESC';
  const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !descending;
  if ('fn' in clause) return { value: aggregateOf(clause.fn, base, resolver, soql), descending, nullsFirst };
  const path = resolver.resolve(base, clause.field);
  const index = groupIndex(path);
  if (index < 0)
    throw queryError(
      'MALFORMED_QUERY',
      soql,
      `Ordered field must be grouped or aggregated: ${path.field.name}`,
      locate(soql, clause.field),
    );
  return { value: (g) => g.values[index] ?? null, descending, nullsFirst };
}

function sortGroups(groups: Group[], keys: readonly GroupOrderKey[]): Group[] {
  return sortDecorated(groups, keys, (group) => keys.map((k) => normalise(k.value(group))));
}

function normalise(v: FieldValue): FieldValue {
  return typeof v === 'string' ? v.toLowerCase() : v;
}
