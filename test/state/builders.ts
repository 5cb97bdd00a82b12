/** Small builders for the state store tests: a record, an event, a checkpoint, a clock. */
import type { StepEvent } from '../../src/core/model';
import type { Checkpoint, LedgerEntry, StoredRecord } from '../../src/sync/ports';
import type { StateStore } from '../../src/state/state-store';
import { readableMemoryStore } from './stored';

export const T0 = Date.UTC(2026, 10, 20, 15, 0, 0);
export const MINUTE = 60_000;

/** A datetime spelled the way the REST API spells it: `2026-11-20T15:04:05.000+0000`. */
export function sfDatetime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function anEvent(overrides: Partial<StepEvent> = {}): StepEvent {
  return {
    step: 'attempt',
    user: '005000000000001AAA',
    subject: '00Q000000000001AAA',
    at: T0,
    recordId: '00T000000000001AAA',
    ...overrides,
  };
}

export function aRecord(
  id: string,
  options: { modstamp?: number; events?: readonly StepEvent[]; facts?: readonly unknown[] } = {},
): StoredRecord {
  return {
    id,
    systemModstamp: sfDatetime(options.modstamp ?? T0),
    events: options.events ?? [anEvent({ recordId: id })],
    facts: options.facts ?? [],
  };
}

export function checkpointAt(ms: number, id: string): Checkpoint {
  return { systemModstamp: sfDatetime(ms), id };
}

export function aLedgerEntry(key: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    ledgerKey: key,
    object: 'Coaching_Flag__c',
    hash: `hash-of-${key}`,
    sfId: null,
    writtenAt: T0,
    ...overrides,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = T0): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

/** An in-memory store; `storedEvents` and `storedRecordCount` (./stored) can read its tables. */
export function memoryStore(now: () => number = () => T0): StateStore {
  return readableMemoryStore(now);
}
