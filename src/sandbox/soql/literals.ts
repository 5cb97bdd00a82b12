import { isWellFormedId, to18 } from '../ids';
import type { FieldDef, FieldType } from '../schema/types';
import { formatDateTime, parseDateTime } from '../time/datetime';
import { formatCivil, startOfLocalDay } from '../time/zone';
import { dateLiteralRange } from './date-literals';
import { locate, queryError } from './soql-error';

/**
 * Turns the parser's raw literals (strings keep their quotes and escapes, booleans are
 * 'TRUE'/'FALSE', null is 'NULL') into values comparable with stored values of the field,
 * refusing a literal of the wrong type for its field as a real org does.
 */

export type Category = 'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime';

export type Operand =
  | { kind: 'null' }
  | { kind: 'value'; value: string | number | boolean }
  /** A date literal: stored values v with start <= v < end (same form as stored values). */
  | { kind: 'range'; start: string; end: string };

export function categoryOf(type: FieldType): Category {
  switch (type) {
    case 'id':
    case 'reference':
      return 'id';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
    case 'date':
    case 'datetime':
      return type;
    default:
      return 'text';
  }
}

const TYPE_NAME: Record<Category, string> = {
  text: 'string',
  id: 'id',
  number: 'double',
  boolean: 'boolean',
  date: 'date',
  datetime: 'dateTime',
};

export interface LiteralContext {
  soql: string;
  path: string;
  now: number;
  timeZone: string;
}

export function toOperand(field: FieldDef, literalType: string, raw: string, ctx: LiteralContext): Operand {
  if (literalType === 'NULL') return { kind: 'null' };
  const category = categoryOf(field.type);
  const mismatch = (): never => {
    const quoted = category === 'text' ? 'should be enclosed in quotes' : 'should not be enclosed in quotes';
    const typeName = field.type === 'int' ? 'integer' : TYPE_NAME[category];
    throw queryError(
      'INVALID_FIELD',
      ctx.soql,
      `value of filter criterion for field '${field.name}' must be of type ${typeName} and ${quoted}`,
      locate(ctx.soql, ctx.path),
    );
  };
  switch (category) {
    case 'text':
      return literalType === 'STRING' ? { kind: 'value', value: unquote(raw).toLowerCase() } : mismatch();
    case 'id': {
      if (literalType !== 'STRING') return mismatch();
      const id = unquote(raw);
      if (!isWellFormedId(id))
        throw queryError(
          'INVALID_QUERY_FILTER_OPERATOR',
          ctx.soql,
          `invalid ID field: ${id}`,
          locate(ctx.soql, ctx.path),
        );
      return { kind: 'value', value: to18(id) };
    }
    case 'number':
      return literalType === 'INTEGER' || literalType === 'DECIMAL'
        ? { kind: 'value', value: Number(raw) }
        : mismatch();
    case 'boolean':
      return literalType === 'BOOLEAN' ? { kind: 'value', value: raw.toUpperCase() === 'TRUE' } : mismatch();
    case 'date':
      if (literalType === 'DATE') return { kind: 'value', value: raw };
      return literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL'
        ? rangeOperand(raw, 'date', ctx)
        : mismatch();
    case 'datetime': {
      if (literalType === 'DATETIME') {
        const ms = parseDateTime(raw);
        return ms === null ? mismatch() : { kind: 'value', value: formatDateTime(ms) };
      }
      return literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL'
        ? rangeOperand(raw, 'datetime', ctx)
        : mismatch();
    }
  }
}

function rangeOperand(raw: string, category: 'date' | 'datetime', ctx: LiteralContext): Operand {
  const range = dateLiteralRange(raw, ctx.now, ctx.timeZone);
  if (!range) throw queryError('MALFORMED_QUERY', ctx.soql, `unexpected token: ${raw}`, locate(ctx.soql, raw));
  if (category === 'date') return { kind: 'range', start: formatCivil(range.start), end: formatCivil(range.end) };
  return {
    kind: 'range',
    start: formatDateTime(startOfLocalDay(range.start, ctx.timeZone)),
    end: formatDateTime(startOfLocalDay(range.end, ctx.timeZone)),
  };
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/** The value of a quoted SOQL string literal, with backslash escapes resolved. */
export function unquote(raw: string): string {
  const body = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  return body.replace(/\\(.)/g, (_m, c: string) => ESCAPES[c] ?? c);
}

/** A LIKE pattern (`%` any run, `_` one character, `\%` and `\_` literal) as a RegExp. */
export function likePattern(raw: string): RegExp {
  const body = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c === '\\' && i + 1 < body.length) {
      const next = body.charAt(++i);
      source += escapeRegExp(ESCAPES[next] ?? next);
    } else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
