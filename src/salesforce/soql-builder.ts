/**
 * A pure SOQL builder. Every identifier is checked against the Salesforce API-name grammar and
 * every value is rendered as a literal, so nothing from the config or the data is ever pasted
 * into a query. Composite conditions are always parenthesised inside AND/OR/NOT, because real
 * orgs reject `A AND B OR C` and `A AND NOT B` (MALFORMED_QUERY) even where precedence would
 * make them unambiguous.
 */
import { CoachError, ExitCode } from '../lib/errors';

/** One API name: optional namespace (`ns__`), letters/digits/single underscores, optional suffix (`__c`). */
const API_NAME = '(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__)?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__[A-Za-z]+)?';
const API_NAME_PATTERN = new RegExp(`^${API_NAME}$`);
/** SOQL follows at most five relationships in a path. */
const FIELD_PATH_PATTERN = new RegExp(`^${API_NAME}(?:\\.${API_NAME}){0,5}$`);
/** Longest identifier accepted; real API names are far shorter (40 characters plus affixes). */
const MAX_IDENTIFIER_LENGTH = 255;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

function invalidIdentifier(kind: string, name: string): CoachError {
  return new CoachError({
    code: 'SOQL_INVALID_IDENTIFIER',
    message: `${JSON.stringify(name)} is not a valid Salesforce ${kind}.`,
    actions: [
      'Use the API name from Setup > Object Manager, e.g. `Task`, `Appointment_Status__c` or `Opportunity.OwnerId`.',
    ],
    exitCode: ExitCode.usage,
  });
}

/** Returns the object (or field) API name unchanged, or throws SOQL_INVALID_IDENTIFIER. */
export function apiName(name: string): string {
  if (name.length > MAX_IDENTIFIER_LENGTH || !API_NAME_PATTERN.test(name)) throw invalidIdentifier('API name', name);
  return name;
}

/** Returns a field path (`OwnerId`, `Opportunity.OwnerId`) unchanged, or throws SOQL_INVALID_IDENTIFIER. */
export function fieldPath(path: string): string {
  if (path.length > MAX_IDENTIFIER_LENGTH || !FIELD_PATH_PATTERN.test(path))
    throw invalidIdentifier('field path', path);
  return path;
}

// ---------------------------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------------------------

/** A datetime literal: an instant, rendered in UTC without milliseconds (`2026-11-20T15:04:05Z`). */
export interface DateTimeLiteral {
  kind: 'datetime';
  epochMs: number;
}
/** A date literal (`2026-11-20`), for date fields only. */
export interface DateLiteral {
  kind: 'date';
  value: string;
}
export type SoqlValue = string | number | boolean | null | DateTimeLiteral | DateLiteral;

export function dateTime(instant: number | Date): DateTimeLiteral {
  const epochMs = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(epochMs)) throw invalidValue('datetime', String(instant));
  return { kind: 'datetime', epochMs };
}

export function date(value: string): DateLiteral {
  const match = DATE_PATTERN.exec(value);
  const parsed = new Date(`${value}T00:00:00Z`);
  // Round-tripping rejects impossible dates such as 2026-02-30.
  if (match === null || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw invalidValue('date', value);
  }
  return { kind: 'date', value };
}

function invalidValue(kind: string, value: string): CoachError {
  return new CoachError({
    code: 'SOQL_INVALID_VALUE',
    message: `${JSON.stringify(value)} cannot be written as a SOQL ${kind} literal.`,
    exitCode: ExitCode.usage,
  });
}

/**
 * The escape sequences SOQL string literals support. Backslash and quotes would end or bend the
 * literal; line breaks and tabs are escaped so a query stays on one line in logs.
 */
const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A quoted SOQL string literal; jsforce's builder escapes only quotes, this escapes all of the above. */
export function quoteString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (ch) => STRING_ESCAPES[ch] ?? ch)}'`;
}

function renderNumber(value: number): string {
  if (!Number.isFinite(value)) throw invalidValue('number', String(value));
  const plain = String(value);
  // SOQL has no exponent notation: 1e21 and 1e-7 must be written out in full.
  return /e/i.test(plain) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : plain;
}

function formatDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

/** Renders any value as a SOQL literal. */
export function literal(value: SoqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'number') return renderNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.kind === 'datetime' ? formatDateTime(value.epochMs) : value.value;
}

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { kind: 'compare'; field: string; operator: ComparisonOperator; value: SoqlValue }
  | { kind: 'in'; field: string; values: readonly SoqlValue[]; negate: boolean }
  | { kind: 'and'; items: readonly Condition[] }
  | { kind: 'or'; items: readonly Condition[] }
  | { kind: 'not'; item: Condition };

function compare(field: string, operator: ComparisonOperator, value: SoqlValue): Condition {
  if (value === null && operator !== '=' && operator !== '!=') throw invalidValue(`${operator} comparison`, 'null');
  return { kind: 'compare', field: fieldPath(field), operator, value };
}

export const eq = (field: string, value: SoqlValue): Condition => compare(field, '=', value);
export const ne = (field: string, value: SoqlValue): Condition => compare(field, '!=', value);
export const lt = (field: string, value: SoqlValue): Condition => compare(field, '<', value);
export const lte = (field: string, value: SoqlValue): Condition => compare(field, '<=', value);
export const gt = (field: string, value: SoqlValue): Condition => compare(field, '>', value);
export const gte = (field: string, value: SoqlValue): Condition => compare(field, '>=', value);

/** `field IN (…)`; an empty list is refused because SOQL rejects `IN ()`. */
export function isIn(field: string, values: readonly SoqlValue[], negate = false): Condition {
  if (values.length === 0) throw invalidValue('IN list', '()');
  return { kind: 'in', field: fieldPath(field), values, negate };
}
export const notIn = (field: string, values: readonly SoqlValue[]): Condition => isIn(field, values, true);

export const and = (...items: Condition[]): Condition => ({ kind: 'and', items });
export const or = (...items: Condition[]): Condition => ({ kind: 'or', items });
export const not = (item: Condition): Condition => ({ kind: 'not', item });

/** A condition as it appears inside AND/OR/NOT: composites always get their own parentheses. */
function renderOperand(condition: Condition): string {
  const text = renderCondition(condition);
  const composite =
    condition.kind === 'not' || ((condition.kind === 'and' || condition.kind === 'or') && condition.items.length > 1);
  return composite ? `(${text})` : text;
}

export function renderCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'compare':
      return `${condition.field} ${condition.operator} ${literal(condition.value)}`;
    case 'in':
      return `${condition.field} ${condition.negate ? 'NOT IN' : 'IN'} (${condition.values.map(literal).join(', ')})`;
    case 'not':
      return `NOT ${renderOperand(condition.item)}`;
    case 'and':
    case 'or': {
      if (condition.items.length === 0) throw invalidValue(`${condition.kind.toUpperCase()} condition`, 'no operands');
      const [only] = condition.items;
      if (condition.items.length === 1 && only !== undefined) return renderCondition(only);
      return condition.items.map(renderOperand).join(condition.kind === 'and' ? ' AND ' : ' OR ');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

export interface OrderBy {
  field: string;
  direction?: 'ASC' | 'DESC';
  nulls?: 'FIRST' | 'LAST';
}

export interface SelectQuery {
  object: string;
  fields: readonly string[];
  where?: Condition;
  orderBy?: readonly OrderBy[];
  limit?: number;
}

function renderOrderBy(order: OrderBy): string {
  const parts = [fieldPath(order.field)];
  if (order.direction !== undefined) parts.push(order.direction);
  if (order.nulls !== undefined) parts.push(`NULLS ${order.nulls}`);
  return parts.join(' ');
}

/** Field list without duplicates (case-insensitive, as Salesforce treats names), first spelling kept. */
export function distinctFields(fields: readonly string[]): string[] {
  const seen = new Set<string>();
  return fields.filter((field) => {
    const key = fieldPath(field).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function buildSelect(query: SelectQuery): string {
  const fields = distinctFields(query.fields);
  if (fields.length === 0) throw invalidValue('SELECT list', '(no fields)');
  let soql = `SELECT ${fields.join(', ')} FROM ${apiName(query.object)}`;
  if (query.where !== undefined) soql += ` WHERE ${renderCondition(query.where)}`;
  if (query.orderBy !== undefined && query.orderBy.length > 0)
    soql += ` ORDER BY ${query.orderBy.map(renderOrderBy).join(', ')}`;
  if (query.limit !== undefined) {
    if (!Number.isSafeInteger(query.limit) || query.limit < 1) throw invalidValue('LIMIT', String(query.limit));
    soql += ` LIMIT ${query.limit}`;
  }
  return soql;
}

/** `SELECT COUNT() FROM …`: the count comes back in `totalSize` (COUNT() allows no ORDER BY). */
export function buildCount(query: { object: string; where?: Condition }): string {
  const where = query.where === undefined ? '' : ` WHERE ${renderCondition(query.where)}`;
  return `SELECT COUNT() FROM ${apiName(query.object)}${where}`;
}
