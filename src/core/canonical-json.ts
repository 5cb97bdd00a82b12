/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, undefined members left out,
 * -0 written as 0. Two values that mean the same thing serialise to the same text whatever
 * order their keys were built in, which is what makes content hashes comparable across runs.
 */
import { CoreError } from './core-error';

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CoreError('NOT_SERIALISABLE', `Canonical JSON has no form for ${value}.`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new CoreError('NOT_SERIALISABLE', `Canonical JSON has no form for a ${typeof value}.`);
  }
}
