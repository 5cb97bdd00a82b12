/**
 * The schema, as a forward-only list of migrations. The database remembers the last one it
 * applied in `PRAGMA user_version`; each migration runs in its own transaction together with
 * the version bump, so a crash leaves the database at one version or the next, never between.
 * Released migrations are never edited: a change is a new entry at the end.
 */
import type Database from 'better-sqlite3';
import { CoachError, ExitCode } from '../lib/errors';
import { StateErrorCode } from './errors';

export interface Migration {
  /** 1, 2, 3, … in order; stored in `PRAGMA user_version` once applied. */
  version: number;
  description: string;
  sql: string;
}

/**
 * Version 1 (its column names predate the vocabulary; version 3 renames them):
 * - step, user and object names repeat endlessly, so they are interned in `symbol`: a smaller
 *   file, and the event load hands out shared strings instead of one string per event;
 * - `event` has no index on `at`: every run reads the whole window anyway, and an index on `at`
 *   would make page writes random, which slows a backfill far more than it speeds the scan;
 * - events belong to their record row and go with it (ON DELETE CASCADE).
 */
const INITIAL_SCHEMA = `
CREATE TABLE symbol (
  sym  INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE checkpoint (
  object          TEXT PRIMARY KEY,
  system_modstamp TEXT NOT NULL,    -- as the API sent it
  modstamp_ms     INTEGER NOT NULL, -- the same instant, for comparisons
  record_id       TEXT NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE record (
  rk          INTEGER PRIMARY KEY,
  object      INTEGER NOT NULL REFERENCES symbol(sym),
  id          TEXT NOT NULL,
  modstamp_ms INTEGER NOT NULL,
  facts       TEXT,                 -- JSON array; NULL when the record has none
  UNIQUE (object, id)
) STRICT;

CREATE TABLE event (
  record_rk    INTEGER NOT NULL REFERENCES record(rk) ON DELETE CASCADE,
  step         INTEGER NOT NULL,    -- symbol
  rep          INTEGER NOT NULL,    -- symbol
  subject      TEXT,
  at           INTEGER NOT NULL,
  record_id    TEXT NOT NULL,
  duration_sec REAL
) STRICT;
CREATE INDEX event_by_record ON event(record_rk);

CREATE TABLE ledger (
  key        TEXT PRIMARY KEY,
  object     TEXT NOT NULL,
  hash       TEXT NOT NULL,
  sf_id      TEXT,
  written_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE run (
  run_id         TEXT PRIMARY KEY,
  started_at     INTEGER NOT NULL,
  finished_at    INTEGER,
  outcome        TEXT NOT NULL,
  records_read   INTEGER NOT NULL DEFAULT 0,
  api_calls      INTEGER NOT NULL DEFAULT 0,
  writes_created INTEGER NOT NULL DEFAULT 0,
  writes_updated INTEGER NOT NULL DEFAULT 0,
  writes_skipped INTEGER NOT NULL DEFAULT 0,
  writes_failed  INTEGER NOT NULL DEFAULT 0,
  errors         TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX run_by_start ON run(started_at);

CREATE TABLE run_lock (
  scope       TEXT PRIMARY KEY,
  owner       TEXT NOT NULL,
  acquired_at INTEGER NOT NULL,
  ttl_ms      INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`;

/**
 * Version 2.
 * - A partial index over the records that have facts (users, follow-ups, leads, flags: a small
 *   share of all records): `loadFacts` walks it instead of scanning every record and sorting,
 *   and page writes of activity records never touch it.
 * - `meta`: small named values the sync keeps between runs (e.g. what the last computation
 *   was made from, to skip recomputing when nothing changed).
 */
const FACTS_INDEX_AND_META = `
CREATE INDEX record_with_facts ON record(object, id) WHERE facts IS NOT NULL;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;

/**
 * Version 3: the words of ARCHITECTURE.md §10, which the stored names must use too.
 * - How a run ended is its *result* ("outcome" names only a commitment check's flag field);
 *   no row ever held the dry-run value, which no run produced.
 * - An event is credited to a *user* (a rep, or a manager or someone who left): not `rep`.
 * - The run lock has a *holder* ("owner" is only Salesforce's OwnerId).
 * - Follow-up and lead facts name the record's user as `user`, as the core now reads them;
 *   rewriting them here spares a full re-read of the org.
 * Renaming keeps every row; json_each walks an array in order, so the facts keep theirs.
 */
const VOCABULARY = `
ALTER TABLE run RENAME COLUMN outcome TO result;
ALTER TABLE event RENAME COLUMN rep TO user;
ALTER TABLE run_lock RENAME COLUMN owner TO holder;
UPDATE record SET facts = (
  SELECT json_group_array(json(CASE
    WHEN json_extract(f.value, '$.kind') IN ('followUp', 'lead') AND json_type(f.value, '$.owner') IS NOT NULL
      THEN json_remove(json_set(f.value, '$.user', json_extract(f.value, '$.owner')), '$.owner')
    ELSE f.value END))
  FROM json_each(record.facts) AS f)
WHERE facts IS NOT NULL AND instr(facts, '"owner"') > 0;
`;

/** Version 4: what each run read, per object (`history` shows it); rows from before hold an empty list. */
const RUN_READS = `
ALTER TABLE run ADD COLUMN reads TEXT NOT NULL DEFAULT '[]';  -- JSON [{object, records, deleted}]
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'initial schema', sql: INITIAL_SCHEMA },
  { version: 2, description: 'index of records with facts; meta values', sql: FACTS_INDEX_AND_META },
  { version: 3, description: 'run.result, event.user, run_lock.holder, facts name their user', sql: VOCABULARY },
  { version: 4, description: 'run.reads: records read per object', sql: RUN_READS },
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the last migration. Returns the versions before and after.
 * Each step re-reads the version inside an IMMEDIATE transaction, so two processes opening a
 * new file at once do not both create the tables.
 */
export function migrate(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  assertContiguous(migrations);
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) throw tooNewError(path, from, latest);
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db) };
}

/**
 * For a read-only open: the file must be at this version's schema, since nothing may migrate it. A file behind
 * is upgraded by the next sync; reading it as it is would query tables and columns that are not there.
 */
export function assertCurrent(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const latest = migrations.length;
  const found = schemaVersion(db);
  if (found > latest) throw tooNewError(path, found, latest);
  if (found < latest) {
    throw new CoachError({
      code: StateErrorCode.outdated,
      message: `The state file ${path} has schema version ${found}; this version of Execution Coach reads ${latest}, and a command that only reads does not upgrade it.`,
      actions: ['Run `execution-coach sync` once with this version (it upgrades the state file), then run this again.'],
      exitCode: ExitCode.failure,
      data: { path, found, known: latest },
    });
  }
}

function assertContiguous(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.version} (${migration.description}) is out of order: expected version ${index + 1}.`,
      );
    }
  });
}

function tooNewError(path: string, found: number, known: number): CoachError {
  return new CoachError({
    code: StateErrorCode.tooNew,
    message: `The state file ${path} has schema version ${found}, but this version of Execution Coach knows only up to ${known}: a newer version wrote it.`,
    actions: [
      'Run the newer version of Execution Coach that wrote this file (do not downgrade a deployment that shares the state).',
      `Or move ${path} aside and run again: the next run re-reads the org and rebuilds the state.`,
    ],
    exitCode: ExitCode.failure,
    data: { path, found, known },
  });
}
