/**
 * What a state store holds, read straight from its SQLite tables. A run reads its state back
 * only as what it computes from (event columns, facts, checkpoints); tests that check which
 * records and events were kept, one by one, read the tables here instead.
 */
import Database from 'better-sqlite3';
import type { StepEvent } from '../../src/core/model';
import { IN_MEMORY, openDatabase } from '../../src/state/database';
import { StateStore } from '../../src/state/state-store';

/** The connections of in-memory stores made by `readableMemoryStore`: no other handle reaches them. */
const memoryConnections = new WeakMap<StateStore, Database.Database>();

/** An in-memory store whose tables the functions below can read. */
export function readableMemoryStore(now: () => number): StateStore {
  const { db } = openDatabase(IN_MEMORY);
  const store = new StateStore(db, IN_MEMORY, now, true);
  memoryConnections.set(store, db);
  return store;
}

function readTables<T>(store: StateStore, read: (db: Database.Database) => T): T {
  const connection = memoryConnections.get(store);
  if (connection !== undefined) return read(connection);
  if (store.path === IN_MEMORY) throw new Error('only an in-memory store made by readableMemoryStore can be read');
  const file = new Database(store.path, { readonly: true, fileMustExist: true });
  try {
    return read(file);
  } finally {
    file.close();
  }
}

type EventRow = [string, string, string | null, number, string, number | null];

/**
 * The stored step events at or after `since` (all when omitted), each with the Id of the record
 * it is stored under, ordered by time, then record Id, then step.
 */
export function storedEvents(store: StateStore, since = Number.NEGATIVE_INFINITY): StepEvent[] {
  const rows = readTables(store, (db) =>
    db
      .prepare<[number], EventRow>(
        `SELECT step.text, credited.text, event.subject, event.at, record.id, event.duration_sec
         FROM event
         JOIN symbol step ON step.sym = event.step
         JOIN symbol credited ON credited.sym = event.user
         JOIN record ON record.rk = event.record_rk
         WHERE event.at >= ?
         ORDER BY event.at, record.id, step.text`,
      )
      .raw()
      .all(since),
  );
  return rows.map(([step, user, subject, at, recordId, durationSec]) => ({
    step,
    user,
    subject,
    at,
    recordId,
    ...(durationSec === null ? {} : { durationSec }),
  }));
}

/** How many records are stored, of one object or of all. */
export function storedRecordCount(store: StateStore, object?: string): number {
  const ofObject = 'SELECT count(*) FROM record JOIN symbol ON sym = object WHERE text = ?';
  return (
    readTables(store, (db) =>
      object === undefined
        ? db.prepare<[], number>('SELECT count(*) FROM record').pluck().get()
        : db.prepare<[string], number>(ofObject).pluck().get(object),
    ) ?? 0
  );
}
