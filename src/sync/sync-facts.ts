/**
 * What the sync keeps of records the core does not map into events: people (User) and the
 * product's own coaching flags. They are stored as facts next to the core's facts, so one
 * incremental read and one store serve every object.
 */
import type { SfRecord } from '../core/model';

/** A User record as read (the core's `mapUsers` decides who is measured). */
export interface UserFact {
  kind: 'user';
  record: SfRecord;
}

/** A coaching flag as read from the org, with the local date it was first seen Committed. */
export interface FlagFact {
  kind: 'flag';
  record: SfRecord;
  /** `YYYY-MM-DD`; carried from version to version of the record once known. */
  committedOn: string | null;
  /** `YYYY-MM-DD` the commitment was checked (Improved or Not Improved); absent in states written before it. */
  decidedOn?: string | null;
  /**
   * What the check decided, kept once the flag moves on (a Not Improved flag whose weakness went is Resolved):
   * coaching effectiveness counts the outcome, not the flag's later status. Absent in states written before it.
   */
  decided?: 'Improved' | 'Not Improved' | null;
}

export type SyncFact = UserFact | FlagFact;

/** The record without its `attributes` (type and URL are known from the object). */
export function bareRecord(record: SfRecord): SfRecord {
  const { attributes: _attributes, ...rest } = record;
  return rest;
}

export function isUserFact(fact: unknown): fact is UserFact {
  return typeof fact === 'object' && fact !== null && (fact as { kind?: unknown }).kind === 'user';
}

export function isFlagFact(fact: unknown): fact is FlagFact {
  return typeof fact === 'object' && fact !== null && (fact as { kind?: unknown }).kind === 'flag';
}
