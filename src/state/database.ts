/**
 * Opening the SQLite file: directory, pragmas, migrations, and a clear error when the file is
 * not ours to read.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
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

/**
 * The state holds customers' and salespeople's names: a new file is readable by its owner only (0600), and so are
 * its -wal and -shm, which SQLite creates with the database file's own mode. A folder the product creates is the
 * owner's only too (0700). Existing files and folders keep the mode someone gave them.
 */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** Creates an empty file (an empty file is a new SQLite database) with FILE_MODE; one that exists is left as it is. */
function createPrivately(path: string): void {
  try {
    closeSync(openSync(path, 'wx', FILE_MODE));
  } catch (error) {
    // Already there (a state in use, or a second process that created it first): not ours to change.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Schema version found on disk before migrating (0 = new file). */
  migratedFrom: number;
}

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  const inMemory = path === IN_MEMORY;
  if (!inMemory) {
    try {
      mkdirSync(dirname(resolve(path)), { recursive: true, mode: DIR_MODE });
    } catch (error) {
      throw toStateError(error, 'creating the state directory', path);
    }
    try {
      createPrivately(path);
    } catch (error) {
      throw unreadableError(path, error);
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
