import type { FieldType as ParsedField, Query } from '@jetstreamapp/soql-parser-js';
import type { Clock } from '../clock';
import type { SObjectType } from '../schema/catalog';
import type { StoredRecord } from '../schema/types';
import type { Store } from '../store/store';
import { type AggregatePlan, compileAggregate } from './aggregate';
import { PathResolver } from './field-path';
import { modstampBounds, sliceByModstamp } from './modstamp-range';
import { compileOrder, isModstampOrder, sortRows } from './order';
import { parseSoql } from './parse';
import { compilePredicate, type Predicate } from './predicate';
import { type JsonRecord, Projection } from './projection';
import { locate, queryError } from './soql-error';
import { buildWhereTree } from './where-tree';

/**
 * Runs SOQL over the store. A record query yields the ordered rows and the projection that
 * shapes them (so a cursor can serialise pages lazily); aggregate and COUNT() queries yield
 * their rows or count directly.
 */

export type QueryOutcome =
  | { kind: 'records'; objectName: string; records: readonly StoredRecord[]; projection: Projection }
  | { kind: 'aggregate'; objectName: string; rows: JsonRecord[] }
  | { kind: 'count'; objectName: string; totalSize: number };

/** Salesforce refuses OFFSET above this. */
export const MAX_OFFSET = 2000;

const INVALID_TYPE_HINT =
  "If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.";

export class QueryEngine {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  run(soql: string, options: { scanAll: boolean }): QueryOutcome {
    const query = parseSoql(soql);
    rejectUnsupported(query, soql);
    const type = this.store.catalog.object(query.sObject ?? '');
    if (!type || !type.def.queryable) {
      throw queryError(
        'INVALID_TYPE',
        soql,
        `sObject type '${String(query.sObject)}' is not supported. ${INVALID_TYPE_HINT}`,
        locate(soql, query.sObject ?? ''),
      );
    }
    if ((query.offset ?? 0) > MAX_OFFSET) {
      throw queryError(
        'NUMBER_OUTSIDE_VALID_RANGE',
        soql,
        `Maximum SOQL offset allowed is ${MAX_OFFSET}`,
        locate(soql, 'OFFSET'),
      );
    }
    const resolver = new PathResolver(this.store, soql, query.sObjectAlias);
    const tree = query.where ? buildWhereTree(query.where, soql) : undefined;
    const where = tree
      ? compilePredicate(tree, { base: type, resolver, soql, now: this.clock.now(), timeZone: this.store.timeZone })
      : undefined;
    const visible = withDeletedFilter(where, type, options.scanAll);
    const fields = query.fields ?? [];

    if (isCountOnly(fields)) {
      if (query.orderBy)
        throw queryError(
          'MALFORMED_QUERY',
          soql,
          'COUNT() and ORDER BY may not be used together',
          locate(soql, 'ORDER'),
        );
      return { kind: 'count', objectName: type.name, totalSize: this.count(type, visible, query) };
    }
    if (query.groupBy || fields.some((f) => f.type === 'FieldFunctionExpression')) {
      const plan: AggregatePlan = compileAggregate(query, type, resolver, soql);
      return { kind: 'aggregate', objectName: type.name, rows: plan.run(this.filtered(type, visible, tree)) };
    }
    const projection = new Projection(
      type.name,
      fields.map((f) => resolver.resolve(type, selectPath(f, soql))),
    );
    const orderBy = query.orderBy ? (Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy]) : [];
    const keys = compileOrder(orderBy, type, resolver, soql);
    const inIndexOrder = keys.length > 0 && isModstampOrder(keys);
    let records = this.filtered(type, visible, tree, inIndexOrder);
    if (keys.length > 0 && !inIndexOrder) records = sortRows(records, keys);
    const start = query.offset ?? 0;
    if (start > 0 || query.limit !== undefined)
      records = records.slice(start, query.limit === undefined ? undefined : start + query.limit);
    return { kind: 'records', objectName: type.name, records, projection };
  }

  private filtered(
    type: SObjectType,
    predicate: Predicate | undefined,
    tree: ReturnType<typeof buildWhereTree> | undefined,
    modstampOrder = false,
  ): StoredRecord[] {
    const table = this.store.table(type.name);
    const bounds = modstampBounds(tree);
    const useIndex = modstampOrder || bounds.lower !== undefined || bounds.upper !== undefined;
    const candidates: Iterable<StoredRecord> = useIndex ? sliceByModstamp(table.byModstamp(), bounds) : table.values();
    if (!predicate) return [...candidates];
    const out: StoredRecord[] = [];
    for (const record of candidates) if (predicate(record)) out.push(record);
    return out;
  }

  private count(type: SObjectType, predicate: Predicate | undefined, query: Query): number {
    const n = this.filtered(type, predicate, undefined).length;
    const afterOffset = Math.max(0, n - (query.offset ?? 0));
    return query.limit === undefined ? afterOffset : Math.min(afterOffset, query.limit);
  }
}

function withDeletedFilter(where: Predicate | undefined, type: SObjectType, scanAll: boolean): Predicate | undefined {
  if (scanAll || !type.field('IsDeleted')) return where;
  if (!where) return (r) => r.IsDeleted !== true;
  return (r) => r.IsDeleted !== true && where(r);
}

function isCountOnly(fields: readonly ParsedField[]): boolean {
  const only = fields.length === 1 ? fields[0] : undefined;
  return (
    only?.type === 'FieldFunctionExpression' &&
    only.functionName.toUpperCase() === 'COUNT' &&
    only.parameters.length === 0
  );
}

function selectPath(field: ParsedField, soql: string): string {
  if (field.type === 'Field') return field.field;
  if (field.type === 'FieldRelationship') return field.rawValue ?? [...field.relationships, field.field].join('.');
  if (field.type === 'FieldFunctionExpression') {
    throw queryError(
      'MALFORMED_QUERY',
      soql,
      `The sandbox does not support the function ${field.functionName} in SELECT`,
      locate(soql, field.functionName),
    );
  }
  throw queryError(
    'MALFORMED_QUERY',
    soql,
    'The sandbox does not support subqueries or TYPEOF in SELECT',
    locate(soql, field.type === 'FieldTypeof' ? 'TYPEOF' : 'SELECT', 6),
  );
}

function rejectUnsupported(query: Query, soql: string): void {
  const unsupported = (what: string, token: string): never => {
    throw queryError('MALFORMED_QUERY', soql, `The sandbox does not support ${what}`, locate(soql, token));
  };
  if (query.having) unsupported('HAVING', 'HAVING');
  if (query.withDataCategory) unsupported('WITH DATA CATEGORY', 'WITH');
  if (query.for) unsupported('FOR VIEW/UPDATE/REFERENCE', 'FOR');
  if (query.update) unsupported('UPDATE TRACKING/VIEWSTAT', 'UPDATE');
  if (query.fields?.some((f) => f.type === 'FieldSubquery')) unsupported('parent-to-child subqueries', 'SELECT');
}
