import type { SObjectType } from '../schema/catalog';
import type { FieldValue, StoredRecord } from '../schema/types';
import type { PathResolver } from './field-path';
import { type Category, type LiteralContext, type Operand, categoryOf, likePattern, toOperand } from './literals';
import { locate, queryError } from './soql-error';
import type { BoolExpr, LeafCondition } from './where-tree';

/**
 * Compiles a WHERE tree into a predicate over stored rows. SOQL semantics: text compares
 * case-insensitively; `!=` and `NOT IN` match nulls; a date literal is a range.
 */

export type Predicate = (record: StoredRecord) => boolean;

export interface FilterContext {
  base: SObjectType;
  resolver: PathResolver;
  soql: string;
  now: number;
  timeZone: string;
}

export function compilePredicate(tree: BoolExpr, ctx: FilterContext): Predicate {
  switch (tree.kind) {
    case 'and': {
      const parts = tree.operands.map((o) => compilePredicate(o, ctx));
      return (r) => parts.every((p) => p(r));
    }
    case 'or': {
      const parts = tree.operands.map((o) => compilePredicate(o, ctx));
      return (r) => parts.some((p) => p(r));
    }
    case 'not': {
      const inner = compilePredicate(tree.operand, ctx);
      return (r) => !inner(r);
    }
    case 'leaf':
      return compileCondition(tree.condition, ctx);
  }
}

function compileCondition(condition: LeafCondition, ctx: FilterContext): Predicate {
  if (!('field' in condition) || typeof condition.field !== 'string') {
    throw queryError('MALFORMED_QUERY', ctx.soql, 'The sandbox does not support functions in WHERE');
  }
  if (condition.literalType === 'SUBQUERY' || !('value' in condition)) {
    throw queryError(
      'MALFORMED_QUERY',
      ctx.soql,
      'The sandbox does not support semi-join subqueries in WHERE',
      locate(ctx.soql, 'SELECT', 6),
    );
  }
  const path = ctx.resolver.resolve(ctx.base, condition.field);
  if (!path.field.filterable) {
    throw queryError(
      'INVALID_FIELD',
      ctx.soql,
      `field '${path.field.name}' can not be filtered in a query call`,
      locate(ctx.soql, condition.field),
    );
  }
  const category = categoryOf(path.field.type);
  const get = category === 'text' ? lowerGetter(path.get) : path.get;
  const literalCtx: LiteralContext = { soql: ctx.soql, path: condition.field, now: ctx.now, timeZone: ctx.timeZone };
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const types = Array.isArray(condition.literalType) ? condition.literalType : values.map(() => condition.literalType);
  const operands = values.map((v, i) => toOperand(path.field, String(types[i] ?? 'STRING'), v, literalCtx));
  const operator = condition.operator.toUpperCase();

  if (operator === 'IN' || operator === 'NOT IN') {
    const matchesAny = membership(operands);
    return operator === 'IN' ? (r) => matchesAny(get(r)) : (r) => !matchesAny(get(r));
  }
  const operand = operands[0];
  if (!operand || operands.length !== 1)
    throw queryError('MALFORMED_QUERY', ctx.soql, `unexpected token: (`, locate(ctx.soql, condition.field));
  if (operator === 'LIKE') {
    if (category !== 'text' && category !== 'id') {
      throw queryError(
        'INVALID_FIELD',
        ctx.soql,
        `invalid operator on field '${path.field.name}'`,
        locate(ctx.soql, condition.field),
      );
    }
    const pattern = likePattern(values[0] ?? "''");
    return (r) => {
      const v = path.get(r);
      return v !== null && pattern.test(String(v));
    };
  }
  return comparison(operator, operand, get, category);
}

function lowerGetter(get: (r: StoredRecord) => FieldValue): (r: StoredRecord) => FieldValue {
  return (r) => {
    const v = get(r);
    return typeof v === 'string' ? v.toLowerCase() : v;
  };
}

function membership(operands: Operand[]): (v: FieldValue) => boolean {
  const exact = new Set(operands.flatMap((o) => (o.kind === 'value' ? [o.value] : [])));
  const ranges = operands.flatMap((o) => (o.kind === 'range' ? [o] : []));
  const includesNull = operands.some((o) => o.kind === 'null');
  return (v) => {
    if (v === null) return includesNull;
    if (exact.has(v)) return true;
    return ranges.some((range) => typeof v === 'string' && v >= range.start && v < range.end);
  };
}

function comparison(
  operator: string,
  operand: Operand,
  get: (r: StoredRecord) => FieldValue,
  category: Category,
): Predicate {
  if (operand.kind === 'null') {
    if (operator === '=') return (r) => get(r) === null;
    if (operator === '!=' || operator === '<>') return (r) => get(r) !== null;
    return () => false;
  }
  if (operand.kind === 'range') {
    const { start, end } = operand;
    const inRange = (v: FieldValue): v is string => typeof v === 'string' && v >= start && v < end;
    switch (operator) {
      case '=':
        return (r) => inRange(get(r));
      case '!=':
      case '<>':
        return (r) => !inRange(get(r));
      case '<':
        return (r) => lessThan(get(r), start);
      case '<=':
        return (r) => lessThan(get(r), end);
      case '>':
        return (r) => atLeast(get(r), end);
      default:
        return (r) => atLeast(get(r), start);
    }
  }
  const value = operand.value;
  if (category === 'boolean' && operator !== '=' && operator !== '!=' && operator !== '<>') return () => false;
  switch (operator) {
    case '=':
      return (r) => get(r) === value;
    case '!=':
    case '<>':
      return (r) => get(r) !== value;
    case '<':
      return (r) => lessThan(get(r), value);
    case '<=':
      return (r) => {
        const v = get(r);
        return v !== null && v <= value;
      };
    case '>':
      return (r) => {
        const v = get(r);
        return v !== null && v > value;
      };
    default:
      return (r) => atLeast(get(r), value);
  }
}

function lessThan(v: FieldValue, bound: string | number | boolean): boolean {
  return v !== null && v < bound;
}

function atLeast(v: FieldValue, bound: string | number | boolean): boolean {
  return v !== null && v >= bound;
}
