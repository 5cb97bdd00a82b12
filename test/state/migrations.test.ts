import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion, type Migration } from '../../src/state/migrations';
import { StateErrorCode } from '../../src/state/errors';

const one: Migration = { version: 1, description: 'one', sql: 'CREATE TABLE one (x INTEGER) STRICT;' };
const two: Migration = { version: 2, description: 'two', sql: 'CREATE TABLE two (y INTEGER) STRICT;' };

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-migrate-'));
  path = join(dir, 'state.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(name) === 1;
}

describe('schema migrations', () => {
  it('given an empty file, when migrated, then every migration runs in order and the version is the last one', () => {
    const result = withDb((db) => migrate(db, path, [one, two]));
    expect(result).toEqual({ from: 0, to: 2 });
    withDb((db) => expect(tableExists(db, 'one') && tableExists(db, 'two')).toBe(true));
  });

  it('given a file one migration behind, when migrated, then only the missing one runs', () => {
    withDb((db) => migrate(db, path, [one]));
    // Re-running `one` would fail ("table one already exists"): success proves it was skipped.
    expect(withDb((db) => migrate(db, path, [one, two]))).toEqual({ from: 1, to: 2 });
  });

  it('given an up-to-date file, when migrated again, then nothing runs', () => {
    withDb((db) => migrate(db, path, [one, two]));
    expect(withDb((db) => migrate(db, path, [one, two]))).toEqual({ from: 2, to: 2 });
  });

  it('given a migration that fails halfway, when migrated, then the version and schema stay at the last good one', () => {
    const broken: Migration = {
      version: 2,
      description: 'broken',
      sql: 'CREATE TABLE two (y INTEGER); THIS IS NOT SQL;',
    };
    withDb((db) => migrate(db, path, [one]));
    expect(() => withDb((db) => migrate(db, path, [one, broken]))).toThrow();
    withDb((db) => {
      expect(schemaVersion(db)).toBe(1);
      expect(tableExists(db, 'two')).toBe(false);
    });
  });

  it('given a file at a version this code does not know, when migrated, then STATE_TOO_NEW and nothing changes', () => {
    withDb((db) => migrate(db, path, [one, two]));
    expect(() => withDb((db) => migrate(db, path, [one]))).toThrow(
      expect.objectContaining({ code: StateErrorCode.tooNew }),
    );
    withDb((db) => expect(schemaVersion(db)).toBe(2));
  });

  it('given migrations out of order, when migrated, then it refuses before touching the file', () => {
    expect(() => withDb((db) => migrate(db, path, [two]))).toThrow(/out of order/);
    withDb((db) => expect(schemaVersion(db)).toBe(0));
  });
});
