/**
 * Step events, the bulk of the store (one to a few per activity record; a million is normal).
 * They are written a page at a time and read all at once to recompute measures over the window,
 * so the read path is a single scan of raw rows streamed into the core's column builder:
 * interned names come back as shared strings, no object is made per event, and a record is
 * told apart by its integer key instead of its Id string.
 */
import type Database from 'better-sqlite3';
import { type EventColumns, EventColumnsBuilder } from '../core/event-columns';
import type { StepEvent } from '../core/model';
import { badInput } from './errors';
import type { SymbolTable } from './symbols';

const COLUMNS = 'step, user, subject, at, record_id, duration_sec';

/** step, user, subject, at, record_rk, duration_sec */
type ColumnRow = [number, number, string | null, number, number, number | null];

const STREAMED = 'step, user, subject, at, record_rk, duration_sec';

export class StoredEvents {
  private readonly insert: Database.Statement<[number, number, number, string | null, number, string, number | null]>;
  private readonly removeForRecord: Database.Statement<[number]>;
  private readonly streamAll: Database.Statement<[], ColumnRow>;
  private readonly streamSince: Database.Statement<[number], ColumnRow>;
  private readonly removeBefore: Database.Statement<[number], number>;
  private readonly countAll: Database.Statement<[], number>;

  constructor(
    db: Database.Database,
    private readonly symbols: SymbolTable,
  ) {
    this.insert = db.prepare(`INSERT INTO event(record_rk, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.removeForRecord = db.prepare<[number]>('DELETE FROM event WHERE record_rk = ?');
    // No ORDER BY: sorting in JS beats walking an index on `at` (see migrations.ts).
    this.streamAll = db.prepare<[], ColumnRow>(`SELECT ${STREAMED} FROM event`).raw();
    this.streamSince = db.prepare<[number], ColumnRow>(`SELECT ${STREAMED} FROM event WHERE at >= ?`).raw();
    this.removeBefore = db.prepare<[number], number>('DELETE FROM event WHERE at < ? RETURNING record_rk').pluck();
    this.countAll = db.prepare<[], number>('SELECT count(*) FROM event').pluck();
  }

  /** Replaces the events of one record wholesale (a changed record may map to different steps). */
  replaceFor(recordRk: number, events: readonly StepEvent[]): void {
    this.removeForRecord.run(recordRk);
    for (const event of events) {
      assertStorable(event);
      this.insert.run(
        recordRk,
        this.symbols.intern(event.step),
        this.symbols.intern(event.user),
        event.subject ?? null,
        event.at,
        event.recordId,
        event.durationSec ?? null,
      );
    }
  }

  /**
   * Events at or after `since` (all when omitted) as the core's columns, in storage order; a
   * record is told apart by its row key. `expectedSize` sizes the columns up front.
   */
  loadColumns(since: number | undefined, expectedSize: number): EventColumns {
    const builder = new EventColumnsBuilder(expectedSize);
    const rows = since === undefined ? this.streamAll.iterate() : this.streamSince.iterate(since);
    for (const [step, user, subject, at, recordRk, durationSec] of rows) {
      builder.add(this.symbols.textOf(step), this.symbols.textOf(user), subject, at, recordRk, durationSec);
    }
    return builder.build();
  }

  /** Deletes events before `ms`; returns the record keys they belonged to (with repeats). */
  pruneBefore(ms: number): number[] {
    return this.removeBefore.all(ms);
  }

  count(): number {
    return this.countAll.get() ?? 0;
  }
}

function assertStorable(event: StepEvent): void {
  if (!Number.isSafeInteger(event.at)) {
    throw badInput(`Step event of record ${event.recordId} has a non-integer time ${String(event.at)}.`, {
      recordId: event.recordId,
    });
  }
  if (event.durationSec !== undefined && !Number.isFinite(event.durationSec)) {
    throw badInput(`Step event of record ${event.recordId} has a non-finite duration.`, { recordId: event.recordId });
  }
}
