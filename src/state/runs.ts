/**
 * Run history: one row per sync run, opened when it starts and completed when it ends. A row
 * still `running` when the next run starts belongs to a process that died (runs hold the lock,
 * so two never overlap); it is closed as `interrupted`.
 */
import type Database from 'better-sqlite3';
import type { FinishedRun, RunSummary } from '../sync/ports';
import { CoachError } from '../lib/errors';
import { StateErrorCode } from './errors';

/** Errors kept per run; a run failing on every item would otherwise store thousands. */
export const MAX_RUN_ERRORS = 50;

interface RunRow {
  run_id: string;
  started_at: number;
  finished_at: number | null;
  result: string;
  records_read: number;
  api_calls: number;
  writes_created: number;
  writes_updated: number;
  writes_skipped: number;
  writes_failed: number;
  errors: string;
  reads: string;
}

const RUNNING = 'running';

export class RunTable {
  private readonly insert: Database.Statement<[string, number, string]>;
  private readonly markInterrupted: Database.Statement<[string, string], string>;
  private readonly complete: Database.Statement<
    [number, string, number, number, number, number, number, number, string, string, string]
  >;
  private readonly selectRecent: Database.Statement<[number], RunRow>;
  private readonly selectLastOk: Database.Statement<[], RunRow>;

  constructor(
    db: Database.Database,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare(
      'INSERT INTO run(run_id, started_at, result) VALUES (?, ?, ?) ON CONFLICT(run_id) DO NOTHING',
    );
    this.markInterrupted = db
      .prepare<[string, string], string>(
        `UPDATE run SET result = 'interrupted' WHERE result = ? AND run_id <> ? RETURNING run_id`,
      )
      .pluck();
    this.complete = db.prepare(
      `UPDATE run SET finished_at = ?, result = ?, records_read = ?, api_calls = ?,
         writes_created = ?, writes_updated = ?, writes_skipped = ?, writes_failed = ?, errors = ?, reads = ?
       WHERE run_id = ?`,
    );
    const order = 'ORDER BY started_at DESC, rowid DESC';
    this.selectRecent = db.prepare<[number], RunRow>(`SELECT * FROM run ${order} LIMIT ?`);
    this.selectLastOk = db.prepare<[], RunRow>(`SELECT * FROM run WHERE result = 'ok' ${order} LIMIT 1`);
  }

  /** Opens a run; returns the ids of earlier runs found still running, now marked interrupted. */
  start(runId: string): string[] {
    if (this.insert.run(runId, this.now(), RUNNING).changes === 0) {
      throw new CoachError({
        code: StateErrorCode.runExists,
        message: `A run with id ${runId} is already recorded.`,
        actions: ['Give every run a fresh id.'],
      });
    }
    return this.markInterrupted.all(RUNNING, runId);
  }

  finish(runId: string, run: FinishedRun): void {
    const writes = run.writes ?? {};
    const changed = this.complete.run(
      this.now(),
      run.result,
      run.recordsRead ?? 0,
      run.apiCalls ?? 0,
      writes.created ?? 0,
      writes.updated ?? 0,
      writes.skipped ?? 0,
      writes.failed ?? 0,
      JSON.stringify(capErrors(run.errors ?? [])),
      JSON.stringify((run.reads ?? []).map(({ object, records, deleted }) => ({ object, records, deleted }))),
      runId,
    ).changes;
    if (changed === 0) {
      throw new CoachError({
        code: StateErrorCode.runUnknown,
        message: `No run with id ${runId} was started in this state file.`,
        actions: ['Call startRun before finishRun, with the same state file.'],
      });
    }
  }

  /** The most recent runs first. */
  list(limit: number): RunSummary[] {
    return this.selectRecent.all(limit).map(toSummary);
  }

  lastSuccessful(): RunSummary | null {
    const row = this.selectLastOk.get();
    return row === undefined ? null : toSummary(row);
  }
}

function capErrors(errors: readonly string[]): string[] {
  if (errors.length <= MAX_RUN_ERRORS) return [...errors];
  return [...errors.slice(0, MAX_RUN_ERRORS), `… and ${errors.length - MAX_RUN_ERRORS} more`];
}

function toSummary(row: RunRow): RunSummary {
  return {
    runId: row.run_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result as RunSummary['result'],
    recordsRead: row.records_read,
    reads: JSON.parse(row.reads) as RunSummary['reads'],
    apiCalls: row.api_calls,
    writes: {
      created: row.writes_created,
      updated: row.writes_updated,
      skipped: row.writes_skipped,
      failed: row.writes_failed,
    },
    errors: JSON.parse(row.errors) as string[],
  };
}
