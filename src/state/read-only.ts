/**
 * Opening the state file for a command that only reads it (report, plan, history): nothing on disk changes, and
 * neither the file nor its folder needs write permission (a copy handed over for diagnosis, a volume mounted
 * read-only, a file 0444 in a folder 0555). So no journal mode is set and no migration runs.
 *
 * SQLite opens a WAL database for reading only when it can use (or create) the -wal and -shm beside it. Which way:
 * - No -wal: no process has the file open for writing (a writer keeps its -wal until it closes), so the file alone
 *   holds every commit. Its bytes are read into a private in-memory database: no -wal or -shm is created and no
 *   write permission is needed. That costs memory of the file's size, and a sync that starts and checkpoints during
 *   the read could tear it (it checkpoints only after ~4 MB of pages; a report reads in a moment).
 * - A -wal: a sync is running (or died running); commits may live only in the WAL, so SQLite reads the file with
 *   its -wal and -shm, read-only, beside the running sync.
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './database';
import { toStateError, unreadableError } from './errors';
import { assertCurrent, MIGRATIONS, type Migration } from './migrations';

/** Bytes 18-19 of the header: 2 marks WAL, which an in-memory image cannot open (SQLITE_CANTOPEN). */
const JOURNAL_MODE_BYTES: [number, number] = [18, 20];
const ROLLBACK_JOURNAL = 1;

export function openReadOnlyDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  let db: Database.Database;
  try {
    db = existsSync(`${path}-wal`)
      ? new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
      : new Database(readFileSync(path).fill(ROLLBACK_JOURNAL, ...JOURNAL_MODE_BYTES), { readonly: true });
  } catch (error) {
    throw unreadableError(path, error);
  }
  try {
    assertCurrent(db, path, migrations);
    return db;
  } catch (error) {
    db.close();
    throw toStateError(error, 'opening the state file to read', path);
  }
}
