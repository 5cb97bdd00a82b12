/**
 * What mapping saw, for the CLI's `preview` and for logs: nothing the mapper drops is dropped
 * silently. Counters are plain objects without a prototype, so any picklist value, even
 * `__proto__`, is just a key.
 */

export type Counter = Record<string, number>;

export interface MapStats {
  /** Records seen, per object. */
  records: Counter;
  /** Records the product wrote itself (key field set), excluded from activity, per object. */
  ownRecords: Counter;
  /** Step events produced, per step id. */
  events: Counter;
  /** Facts produced, per measure id (`ownTask` for the product's own tasks). */
  facts: Counter;
  /** Records that met a step's (or measure's) conditions but named no user to credit, per step/measure id. */
  missingUser: Counter;
  /** Records that met a step's (or measure's) conditions but had no time, or one that does not parse. */
  missingTime: Counter;
  /** Records refused as bad (plausibility.ts), per `BadRecordKind`: nothing was credited from them. */
  bad: Counter;
  /** Values of match fields that no step or measure of the object accepts: `Object.Field` → value → count. */
  unmatchedValues: Record<string, Counter>;
}

export function emptyCounter(): Counter {
  return Object.create(null) as Counter;
}

export function newMapStats(): MapStats {
  return {
    records: emptyCounter(),
    ownRecords: emptyCounter(),
    events: emptyCounter(),
    facts: emptyCounter(),
    missingUser: emptyCounter(),
    missingTime: emptyCounter(),
    bad: emptyCounter(),
    unmatchedValues: Object.create(null) as Record<string, Counter>,
  };
}

export function bump(counter: Counter, key: string, by = 1): void {
  counter[key] = (counter[key] ?? 0) + by;
}

export function bumpValue(stats: MapStats, field: string, value: string): void {
  const counter = (stats.unmatchedValues[field] ??= emptyCounter());
  bump(counter, value);
}
