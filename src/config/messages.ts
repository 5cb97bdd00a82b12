/**
 * Plain-language messages for the problems zod finds, written for a CRM admin rather than a
 * programmer. Used as the per-parse error map: a message set in the schema itself wins.
 */
import type { z } from 'zod';
import { shown } from './shown';

/** How a value is named in a message: `"text"`, `12`, `a list`, `a map of keys`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of keys';
  if (typeof value === 'string') return shown(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of keys',
  record: 'a map of keys',
  null: 'null',
};

function quote(value: unknown): string {
  return typeof value === 'string' ? shown(value) : String(value);
}

function bound(issue: { origin: string; inclusive?: boolean }, limit: number | bigint, side: 'min' | 'max'): string {
  if (issue.origin === 'array')
    return side === 'min' ? `needs at least ${limit} item(s)` : `allows at most ${limit} item(s)`;
  if (issue.origin === 'string')
    return side === 'min'
      ? limit === 1
        ? 'must not be empty'
        : `needs at least ${limit} characters`
      : `allows at most ${limit} characters`;
  if (side === 'min') return issue.inclusive === false ? `must be more than ${limit}` : `must be at least ${limit}`;
  return issue.inclusive === false ? `must be less than ${limit}` : `must be at most ${limit}`;
}

export const plainErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing (required)';
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      if (issue.values.length === 1) return `must be ${quote(issue.values[0])}, got ${describeValue(issue.input)}`;
      return `${describeValue(issue.input)} is not one of ${issue.values.map(quote).join(', ')}`;
    case 'too_small':
      return bound(issue, issue.minimum, 'min');
    case 'too_big':
      return bound(issue, issue.maximum, 'max');
    case 'invalid_format':
      return 'is not in the expected format';
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.map(quote).join(', ')}`;
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    default:
      return undefined;
  }
};
