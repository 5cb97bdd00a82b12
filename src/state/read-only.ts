/**
 * Opening the state file for a command that only reads it (report, plan, history, analyze): nothing on disk changes,
 * and neither the file nor its folder needs write permission (a copy handed over for diagnosis, a volume mounted
 * read-only, a file 0444 in a folder 0555). So no journal mode is set and no migration runs.
 *
 * SQLite opens a WAL database for reading only when it can use (or create) the -wal and -shm beside it. Which way:
 * - No -wal: no process has the file open for writing (a writer keeps its -wal until it closes), so the file alone
 *   holds every commit. It is read in place as an immutable file (SQLite's `immutable=1`): no lock, no -wal or -shm
 *   is created, no write permission is needed, and the file is not copied into memory (a year of a large store is a
 *   file of hundreds of MB, which the copy held twice at once: read into a Buffer, then copied into SQLite). A sync
 *   that starts and checkpoints while the command reads could tear what it reads (it checkpoints only after ~4 MB of
 *   pages, or when it closes); the copy had the same window, only shorter. When URI file names are off in this
 *   process (SQLITE_USE_URI=0, or better-sqlite3 loaded before this module), the file's bytes are read into a private
 *   in-memory database instead, as before.
 * - A -wal: a sync is running (or died running); commits may live only in the WAL, so SQLite reads the file with
 *   its -wal and -shm, read-only, beside the running sync.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './database';
import { toStateError, unreadableError } from './errors';
import { assertCurrent, MIGRATIONS, type Migration } from './migrations';

// better-sqlite3 reads this once, when its native addon loads at the first database opened in the process; the CLI
// imports this module before opening any. Without it `immutable=1` cannot be asked for (the fallback then copies).
process.env.SQLITE_USE_URI ??= '1';

/** Bytes 18-19 of the header: 2 marks WAL, which an in-memory image cannot open (SQLITE_CANTOPEN). */
const JOURNAL_MODE_BYTES: [number, number] = [18, 20];
const ROLLBACK_JOURNAL = 1;

export function openReadOnlyDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  let db: Database.Database;
  try {
    db = existsSync(`${path}-wal`)
      ? new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
      : (openImmutable(path) ??
        new Database(readFileSync(path).fill(ROLLBACK_JOURNAL, ...JOURNAL_MODE_BYTES), { readonly: true }));
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

/** The file in place, as SQLite's immutable file; null when this process cannot ask for that (or it fails). */
function openImmutable(path: string): Database.Database | null {
  // In a URI the path's %, ? and # would be read as an escape, the query and the fragment.
  const escaped = resolve(path).replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  try {
    const db = new Database(`file:${escaped}?immutable=1`, { readonly: true, fileMustExist: true });
    // SQLite reads lazily: a file that is no database fails here, and then through the copy's path, with its error.
    db.pragma('schema_version');
    return db;
  } catch {
    return null;
  }
}
