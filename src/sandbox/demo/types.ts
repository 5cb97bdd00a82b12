/**
 * The contract between the demo dealership generator (src/sandbox/demo) and the sandbox's
 * store (src/sandbox/store). The generator is a pure, deterministic function of its options
 * and the id source; the store loads what it returns as historical data (system fields as
 * given, no OpportunityHistory rows derived: the generator writes them itself).
 */

/** A record as the store holds it: API field names to values. */
export type DemoRecord = Record<string, string | number | boolean | null>;

export interface DemoOptions {
  /** Seed of the pseudo-random generator; the same seed and `now` give the same data. */
  seed: number;
  /** The generated history ends at this instant (epoch ms); usually the sandbox clock's now. */
  now: number;
  /** IANA time zone of the dealership; activity happens in its business hours. */
  timeZone: string;
  /** Days of history before `now` (default 90). */
  days: number;
  /** Number of salespeople across both stores (default 12); the planted profiles come first. */
  reps: number;
  /**
   * Volume multiplier (default 1). At scale s the generator adds (s − 1) × reps extra
   * salespeople with ordinary profiles, so that a large s yields millions of activity records.
   */
  scale: number;
}

/** Makes a new 18-character Salesforce id for an object (the store owns key prefixes). */
export type NewId = (objectName: string) => string;

/**
 * Generated data, keyed by object API name (`User`, `Account`, `Contact`, `Lead`, `Task`,
 * `Event`, `Opportunity`, `OpportunityHistory`). Field values follow Salesforce's JSON forms:
 * datetimes `2026-11-20T15:04:05.000+0000`, dates `2026-11-20`. Every record has `Id`,
 * `CreatedDate`, `CreatedById`, `LastModifiedDate`, `SystemModstamp`.
 */
export interface DemoDataset {
  records: Record<string, DemoRecord[]>;
  /** What each planted salesperson is meant to show, for tests and the README. */
  profiles: Array<{ userId: string; name: string; profile: DemoProfile; store: string }>;
  /** The integration user (the connector authenticates as this user). */
  integrationUserId: string;
}

export type DemoProfile =
  | 'strong'
  | 'low_activity'
  | 'rarely_sets'
  | 'no_shows'
  | 'skips_demo'
  | 'slow_responder'
  | 'fake_calls'
  | 'new_hire'
  | 'bdc'
  | 'ordinary';
