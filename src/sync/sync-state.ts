/**
 * The part of the state store a run uses. The SQLite store (src/state) implements it; a dry
 * run plugs in its in-memory copy, so both go through exactly the same code.
 */
import type { EventColumns } from '../core';
import type { Checkpoint, FinishedRun, LedgerEntry, RunSummary, StoredRecord } from './ports';

export interface StoredFactRow {
  object: string;
  recordId: string;
  fact: unknown;
}

export type LockAttempt =
  | { ok: true; /** The expired (or dead) holder replaced, if any. */ tookOverFrom?: { holder: string; since: number } }
  | { ok: false; heldBy: string; since: number };

export interface SyncState {
  getCheckpoint(object: string): Checkpoint | null;
  /** Stores a page; `changed` counts records that are new, newer than stored, or deleted. */
  applyPage(
    object: string,
    records: readonly StoredRecord[],
    deletedIds: readonly string[],
    checkpoint: Checkpoint | null,
  ): { changed: number };
  /** The same events streamed into the core's columns: what a run computes from. */
  loadEventColumns(options?: { since?: number }): EventColumns;
  loadFacts(options?: { object?: string }): StoredFactRow[];
  pruneEventsBefore(ms: number): unknown;
  getLedger(keys?: readonly string[]): Map<string, LedgerEntry>;
  recordWrites(entries: readonly LedgerEntry[]): void;
  startRun(runId: string): string[];
  finishRun(runId: string, run: FinishedRun): void;
  listRuns(limit: number): RunSummary[];
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  acquireLock(holder: string, ttlMs: number): LockAttempt;
  refreshLock(holder: string): void;
  releaseLock(holder: string): boolean;
}
