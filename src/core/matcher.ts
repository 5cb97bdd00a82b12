/**
 * Match conditions (from the config) compiled into predicates over records. Comparison is
 * strict and typed, as the REST API returns typed JSON: a string matches only the same string
 * (case included, so a misspelt picklist value shows up in the unmatched-value counts instead
 * of matching by accident), a boolean only a boolean, a number only a number. `null` in a
 * condition means "empty": null, missing or ''.
 */
import type { MatchConditions, MatchScalar, SfRecord } from './model';
import { compilePath, type FieldReader } from './salesforce-values';

export type RecordPredicate = (record: SfRecord) => boolean;

/** One condition, normalised: the field path and the values it accepts. */
export interface ConditionEntry {
  path: string;
  accepts: readonly MatchScalar[];
}

export function conditionEntries(conditions: MatchConditions): ConditionEntry[] {
  return Object.entries(conditions).map(([path, expected]) => ({
    path,
    accepts: Array.isArray(expected) ? (expected as readonly MatchScalar[]) : [expected as MatchScalar],
  }));
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Compiles conditions (all must hold) into one predicate. No conditions: every record. */
export function compileMatch(conditions: MatchConditions): RecordPredicate {
  const checks = conditionEntries(conditions).map(({ path, accepts }) => compileCheck(compilePath(path), accepts));
  if (checks.length === 0) return () => true;
  return (record) => {
    for (const check of checks) if (!check(record)) return false;
    return true;
  };
}

function compileCheck(read: FieldReader, accepts: readonly MatchScalar[]): RecordPredicate {
  const acceptsEmpty = accepts.includes(null);
  const values = new Set<unknown>(accepts.filter((value) => value !== null));
  return (record) => {
    const value = read(record);
    if (isEmptyValue(value)) return acceptsEmpty;
    return values.has(value);
  };
}
