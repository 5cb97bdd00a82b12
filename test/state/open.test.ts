import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CoachError } from '../../src/lib/errors';
import { openDatabase } from '../../src/state/database';
import { MIGRATIONS } from '../../src/state/migrations';
import { openStateStore, StateErrorCode } from '../../src/state/state-store';
import { aRecord, checkpointAt, T0 } from './builders';
import { storedEvents, storedRecordCount } from './stored';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-state-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function thrown(fn: () => unknown): CoachError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CoachError) return error;
    throw error;
  }
  throw new Error('expected a CoachError');
}

function userVersion(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/** A state file as version 1 of the schema left it: a user with facts, a task with an event. */
function writeVersionOneState(path: string): void {
  const { db } = openDatabase(path, MIGRATIONS.slice(0, 1));
  db.exec(`
    INSERT INTO symbol(sym, text) VALUES (1, 'User'), (2, 'Task'), (3, 'attempt'), (4, '0051');
    INSERT INTO record(rk, object, id, modstamp_ms, facts) VALUES
      (1, 1, '0051', ${T0}, '[{"kind":"user","name":"Ana"}]'),
      (2, 2, '00T1', ${T0}, NULL);
    INSERT INTO event(record_rk, step, rep, subject, at, record_id, duration_sec) VALUES (2, 3, 4, '00Q1', ${T0}, '00T1', NULL);
  `);
  db.close();
}

/**
 * A state file as version 2 of the schema left it: run history in the `outcome` column, events
 * credited to `rep`, a lock `owner`, and follow-up and lead facts naming their user `owner`.
 */
function writeVersionTwoState(path: string): void {
  const { db } = openDatabase(path, MIGRATIONS.slice(0, 2));
  const followUp =
    '{"kind":"followUp","measure":"overdue","recordId":"00T2","owner":"0051","subject":null,"due":"2026-11-02"}';
  const lead =
    '{"kind":"lead","measure":"stale","recordId":"00Q1","owner":"0052","status":"Open","createdAt":1,"name":"Dana"}';
  db.exec(`
    INSERT INTO run(run_id, started_at, finished_at, outcome, records_read, api_calls, errors) VALUES
      ('r1', ${T0}, ${T0 + 1000}, 'ok', 120, 9, '[]'),
      ('r2', ${T0 + 2000}, ${T0 + 3000}, 'stopped_api_limit', 40, 60, '["limit"]');
    INSERT INTO symbol(sym, text) VALUES (1, 'Task'), (2, 'Lead'), (3, 'attempt'), (4, '0051');
    INSERT INTO record(rk, object, id, modstamp_ms, facts) VALUES
      (1, 1, '00T2', ${T0}, '[${followUp}]'),
      (2, 2, '00Q1', ${T0}, '[${lead},{"kind":"other","owner":"kept"}]');
    INSERT INTO event(record_rk, step, rep, subject, at, record_id, duration_sec) VALUES (1, 3, 4, '00Q1', ${T0}, '00T2', 30);
    INSERT INTO run_lock(scope, owner, acquired_at, ttl_ms, expires_at) VALUES ('sync', 'gone-host:1:r0', 0, 1, 1);
  `);
  db.close();
}

describe('opening the state store', () => {
  it('given a path in a directory that does not exist, when opened, then the directory and a fully migrated file are created', () => {
    const path = join(dir, 'nested', 'deeper', 'state.db');
    const store = openStateStore(path);
    store.close();
    expect(existsSync(path)).toBe(true);
    expect(userVersion(path)).toBe(MIGRATIONS.length);
    expect(store.isNew).toBe(true);
  });

  it('given a file-backed store, when opened, then the file is in WAL mode', () => {
    const path = join(dir, 'state.db');
    openStateStore(path).close();
    // journal_mode=WAL is stored in the file itself, so a plain connection sees it.
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('given a migrated file, when reopened, then no migration runs again and the data is still there', () => {
    const path = join(dir, 'state.db');
    const first = openStateStore(path);
    first.applyPage('Task', [aRecord('00T1')], [], checkpointAt(T0, '00T1'));
    first.recordWrites([{ ledgerKey: 'v1:k', object: 'Task', hash: 'h', sfId: '00T9', writtenAt: T0 }]);
    first.close();

    const second = openStateStore(path);
    expect(second.isNew).toBe(false);
    expect(storedRecordCount(second, 'Task')).toBe(1);
    expect(second.loadEventColumns().size).toBe(1);
    expect(second.getCheckpoint('Task')).toEqual(checkpointAt(T0, '00T1'));
    expect(second.getLedger().get('v1:k')?.sfId).toBe('00T9');
    second.close();
    expect(userVersion(path)).toBe(MIGRATIONS.length);
  });

  it('given a file written by schema version 1, when opened, then it migrates to the latest and its records, facts and events read as before', () => {
    const path = join(dir, 'state.db');
    writeVersionOneState(path);
    expect(userVersion(path)).toBe(1);

    const store = openStateStore(path);
    expect(store.isNew).toBe(false);
    expect(store.loadFacts()).toEqual([{ object: 'User', recordId: '0051', fact: { kind: 'user', name: 'Ana' } }]);
    expect(storedEvents(store)).toEqual([{ step: 'attempt', user: '0051', subject: '00Q1', at: T0, recordId: '00T1' }]);
    expect(
      store.applyPage('Task', [aRecord('00T1', { modstamp: T0 + 1 })], [], checkpointAt(T0 + 1, '00T1')).changed,
    ).toBe(1);
    store.setMeta('last-compute', 'v');
    store.close();

    expect(userVersion(path)).toBe(MIGRATIONS.length);
    const reopened = openStateStore(path);
    expect(reopened.getMeta('last-compute')).toBe('v');
    reopened.close();
  });

  it("given a file written by schema version 2, when opened, then its run history keeps each run's result", () => {
    const path = join(dir, 'state.db');
    writeVersionTwoState(path);
    expect(userVersion(path)).toBe(2);

    const store = openStateStore(path);
    // Runs from before the per-object reads were kept list none.
    expect(store.listRuns(5).map((run) => [run.runId, run.result, run.recordsRead, run.errors, run.reads])).toEqual([
      ['r2', 'stopped_api_limit', 40, ['limit'], []],
      ['r1', 'ok', 120, [], []],
    ]);
    expect(store.lastSuccessfulRun()?.runId).toBe('r1');
    store.startRun('r3');
    store.finishRun('r3', { result: 'unavailable' });
    expect(store.listRuns(1)[0]?.result).toBe('unavailable');
    store.close();
    expect(userVersion(path)).toBe(MIGRATIONS.length);
  });

  it('given a file written by schema version 2, when opened, then events, facts and the lock read in the new words', () => {
    const path = join(dir, 'state.db');
    writeVersionTwoState(path);

    const store = openStateStore(path);

    expect(storedEvents(store)).toEqual([
      { step: 'attempt', user: '0051', subject: '00Q1', at: T0, recordId: '00T2', durationSec: 30 },
    ]);
    expect(store.loadFacts().map((row) => row.fact)).toEqual([
      { kind: 'followUp', measure: 'overdue', recordId: '00T2', user: '0051', subject: null, due: '2026-11-02' },
      { kind: 'lead', measure: 'stale', recordId: '00Q1', user: '0052', status: 'Open', createdAt: 1, name: 'Dana' },
      { kind: 'other', owner: 'kept' },
    ]);
    expect(store.acquireLock('this-host:2:r1', 60_000)).toEqual({
      ok: true,
      tookOverFrom: { holder: 'gone-host:1:r0', since: 0 },
    });
    store.close();
  });

  it('given a migrated file, when its schema is read, then facts have their own partial index (loadFacts reads only records with facts)', () => {
    const path = join(dir, 'state.db');
    openStateStore(path).close();
    const db = new Database(path, { readonly: true });
    const plan = db
      .prepare<[], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT object, id, facts FROM record WHERE facts IS NOT NULL ORDER BY object, id',
      )
      .all();
    db.close();
    expect(plan.map((step) => step.detail)).toEqual(['SCAN record USING INDEX record_with_facts']);
  });

  it('given a database written by a newer version, when opened, then STATE_TOO_NEW (exit 1) says what to do', () => {
    const path = join(dir, 'state.db');
    openStateStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();

    const error = thrown(() => openStateStore(path));
    expect(error.code).toBe(StateErrorCode.tooNew);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(path);
    expect(error.actions.join(' ')).toMatch(/newer version/);
  });

  it('given a file that is not a database, when opened, then STATE_UNREADABLE names the path and says to move it aside', () => {
    const path = join(dir, 'state.db');
    writeFileSync(path, 'this is a CSV export, not SQLite\n'.repeat(200));
    const error = thrown(() => openStateStore(path));
    expect(error.code).toBe(StateErrorCode.unreadable);
    expect(error.message).toContain(path);
    expect(error.actions.join(' ')).toMatch(/Move .* aside/);
  });

  it('given a directory where the file should be, when opened, then STATE_UNREADABLE', () => {
    expect(thrown(() => openStateStore(dir)).code).toBe(StateErrorCode.unreadable);
  });

  it('given :memory:, when opened twice, then each store is its own empty database', () => {
    const a = openStateStore(':memory:');
    const b = openStateStore(':memory:');
    a.applyPage('Task', [aRecord('00T1')], [], checkpointAt(T0, '00T1'));
    expect(a.loadEventColumns().size).toBe(1);
    expect(b.loadEventColumns().size).toBe(0);
  });

  it('given a closed store, when used, then it fails with a CoachError rather than a raw driver error', () => {
    const store = openStateStore(':memory:');
    store.close();
    expect(thrown(() => store.loadFacts()).code).toBe(StateErrorCode.failed);
  });
});
