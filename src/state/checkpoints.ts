/**
 * Per object, where the incremental read got to: the last record stored, in the order the
 * reader asks for (SystemModstamp, then Id). A checkpoint only moves forward: the reader
 * re-reads a lookback window on every run, and re-applying those pages must not rewind it.
 */
import type Database from 'better-sqlite3';
import { parseSfDateTime } from '../core/salesforce-datetime';
import type { Checkpoint } from '../sync/ports';
import { badInput } from './errors';

/** A checkpoint as an instant and an Id, the order the reader reads in. */
interface Position {
  ms: number;
  id: string;
}

/**
 * Epoch ms of a SystemModstamp, by the grammar the sync checks records with, so that whatever
 * the sync hands over is accepted here; throws STATE_BAD_INPUT on anything else. Stamps are
 * kept as sent and compared as instants, never as text: `+0000`, `Z` and `-05:00` spellings of
 * one moment must order alike.
 */
export function modstampMs(text: string): number {
  const ms = parseSfDateTime(text);
  if (ms === null) throw badInput(`Not a Salesforce datetime: ${JSON.stringify(text)}.`, { text });
  return ms;
}

function positionOf(checkpoint: Checkpoint): Position {
  return { ms: modstampMs(checkpoint.systemModstamp), id: checkpoint.id };
}

function comparePositions(a: Position, b: Position): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  // Ids compare in code-unit order: they are case-sensitive.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Orders two checkpoints: by instant (whatever the datetime spelling), then by Id. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return comparePositions(positionOf(a), positionOf(b));
}

interface CheckpointRow {
  system_modstamp: string;
  modstamp_ms: number;
  record_id: string;
}

export class CheckpointTable {
  private readonly select: Database.Statement<[string], CheckpointRow>;
  private readonly upsert: Database.Statement<[string, string, number, string, number]>;

  constructor(
    db: Database.Database,
    private readonly now: () => number,
  ) {
    this.select = db.prepare<[string], CheckpointRow>(
      'SELECT system_modstamp, modstamp_ms, record_id FROM checkpoint WHERE object = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO checkpoint(object, system_modstamp, modstamp_ms, record_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(object) DO UPDATE SET system_modstamp = excluded.system_modstamp, modstamp_ms = excluded.modstamp_ms,
         record_id = excluded.record_id, updated_at = excluded.updated_at`,
    );
  }

  get(object: string): Checkpoint | null {
    const row = this.select.get(object);
    return row === undefined ? null : { systemModstamp: row.system_modstamp, id: row.record_id };
  }

  /** Moves the checkpoint to `next` unless that would move it backwards; true if it moved. */
  advance(object: string, next: Checkpoint): boolean {
    const target = positionOf(next);
    const row = this.select.get(object);
    if (row !== undefined && comparePositions(target, { ms: row.modstamp_ms, id: row.record_id }) <= 0) return false;
    this.upsert.run(object, next.systemModstamp, target.ms, next.id, this.now());
    return true;
  }
}
