/**
 * Opening the state read-only (report, plan, history): nothing migrates or is written, whether the file is at rest
 * (read into memory) or a sync has it open (read through its WAL).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/state/database';
import { MIGRATIONS } from '../../src/state/migrations';
import { openReadOnlyDatabase } from '../../src/state/read-only';
import { openStateStore, StateErrorCode } from '../../src/state/state-store';
import { aRecord, checkpointAt, T0 } from './builders';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-read-only-'));
  path = join(dir, 'state.db');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a state opened read-only', () => {
  it('given a synced file at rest, when opened read-only, then it reads the runs, refuses writes, and creates nothing beside it', () => {
    const writer = openStateStore(path, { now: () => T0 });
    writer.startRun('r1');
    writer.close();
    const reader = openStateStore(path, { readonly: true });
    try {
      expect(reader.readonly).toBe(true);
      expect(reader.listRuns(5).map((run) => run.runId)).toEqual(['r1']);
      expect(() => reader.setMeta('k', 'v')).toThrow(expect.objectContaining({ code: StateErrorCode.io }));
      expect(readdirSync(dir)).toEqual(['state.db']);
    } finally {
      reader.close();
    }
  });

  it('given a synced file at rest, when opened read-only, then it is read in place, not copied into memory', () => {
    const writer = openStateStore(path, { now: () => T0 });
    writer.startRun('r1');
    writer.close();
    const db = openReadOnlyDatabase(path);
    try {
      expect(db.memory).toBe(false);
      expect(db.prepare('SELECT count(*) FROM run').pluck().get()).toBe(1);
      expect(readdirSync(dir)).toEqual(['state.db']);
    } finally {
      db.close();
    }
    expect(readdirSync(dir)).toEqual(['state.db']);
  });

  it('given a sync holding the file open with commits only in its WAL, when opened read-only, then it reads them', () => {
    const writer = openStateStore(path, { now: () => T0 });
    try {
      writer.applyPage('Task', [aRecord('00T1')], [], checkpointAt(T0, '00T1'));
      const reader = openStateStore(path, { readonly: true });
      try {
        expect(reader.readonly).toBe(true);
        expect(reader.getCheckpoint('Task')).toEqual(checkpointAt(T0, '00T1'));
      } finally {
        reader.close();
      }
    } finally {
      writer.close();
    }
  });

  it('given a file of an older schema, when opened read-only, then STATE_OUTDATED says to sync first and the file is unchanged', () => {
    openDatabase(path, MIGRATIONS.slice(0, 1)).db.close();
    const before = readFileSync(path);
    expect(() => openStateStore(path, { readonly: true })).toThrow(
      expect.objectContaining({ code: StateErrorCode.outdated, exitCode: 1 }),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
