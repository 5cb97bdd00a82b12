/**
 * Opening the SQLite file: directory, pragmas, migrations, and a clear error when the file is
 * not ours to read.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { toStateError, unreadableError } from './errors';

export const IN_MEMORY = ':memory:';

/** How long a statement waits for another process's write lock before failing with STATE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * synchronous=FULL: with WAL, FULL costs one fsync of the WAL per commit, and this store commits
 * once per batch of pages, so the cost is small. NORMAL could lose the last commits on power
 * loss, and a lost ledger commit means the org has records the state does not know it wrote.
 */
const SYNCHRONOUS = 'FULL';

/** Cache for the page writes and the load scan (negative = KiB); SQLite's default is sized for small tables. */
const CACHE_SIZE_KIB = 32 * 1024;

export interface OpenedDatabase {
  db: Database.Database;
  /** Schema version found on disk before migrating (0 = new file). */
  migratedFrom: number;
}

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  const inMemory = path === IN_MEMORY;
  if (!inMemory) {
    try {
      mkdirSync(dirname(resolve(path)), { recursive: true });
    } catch (error) {
      throw toStateError(error, 'creating the state directory', path);
    }
  }
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw unreadableError(path, error);
  }
  try {
    // The first statement reads the file header: a file that is not a database fails here.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (!inMemory && mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, WAL refused`);
    db.pragma(`synchronous = ${SYNCHRONOUS}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
    const { from } = migrate(db, path, migrations);
    return { db, migratedFrom: from };
  } catch (error) {
    db.close();
    throw toStateError(error, 'opening the state file', path);
  }
}
