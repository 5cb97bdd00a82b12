/**
 * A big backfill read through Bulk API 2.0 (ARCHITECTURE.md §7): the range is cut into windows, one
 * `queryAll` job each (deleted rows included), and every results page is handed on as it
 * arrives, in the order Bulk returns it, a few thousand records at a time.
 *
 * Bulk rows come in no particular order, so those pages move no checkpoint (`checkpoint: null`).
 * When a window's job has been read to the end, a page names the checkpoint the read has
 * reached: the highest (SystemModstamp, Id) of the records yielded so far. That position is
 * safe for the next read, which starts at `checkpoint − lookback`:
 * - every record of this window and of the earlier ones has been yielded;
 * - every record of a later window is stamped at or after this window's end, which is later than
 *   any record in it, so at or after the checkpoint;
 * - it is a record's own stamp, written by the org's clock, not a window bound computed from
 *   the connector's clock: if the connector's clock (or `--now`) runs ahead of the org's, a
 *   record the org stamps after the run, behind the connector's clock, is still at or after it.
 * A run stopped inside a window has stored that window's records without moving the checkpoint,
 * so the next run reads the whole window again (the store keeps the newest of each record).
 */
import type { SfRecord } from '../core/model';
import type { Checkpoint, RecordPage } from '../sync/ports';
import type { ApiBudget } from './api-budget';
import type { BulkQueryClient } from './bulk-query';
import type { FieldTypes } from './bulk-csv';
import { csvToRecords, openCsvPage } from './bulk-csv';
import type { Window } from './bulk-windows';
import { planWindows, windowCondition } from './bulk-windows';
import { requireDateTime } from './required-datetime';
import { buildCount, buildSelect } from './soql-builder';

export interface BulkBackfillDeps {
  budget: ApiBudget;
  bulk: BulkQueryClient;
  /** `SELECT COUNT() FROM object WHERE …` through queryAll. */
  count(soql: string): Promise<number>;
}

export interface BulkBackfillTuning {
  /** Records per window (one job): what a run stopped inside a window reads again. */
  windowMaxRecords: number;
  /** Records per page handed on. */
  pageSize: number;
  /** Rows per results page asked of Salesforce: the most CSV text held at once. */
  resultsMaxRecords: number;
}

export interface BulkBackfillRequest {
  object: string;
  fields: readonly string[];
  types: FieldTypes;
  range: Window;
  /** Records in `range` (the COUNT() that chose Bulk). */
  total: number;
}

/** The highest (SystemModstamp, Id) seen, compared as the state store compares checkpoints. */
class HighestPosition {
  private position: Checkpoint | null = null;

  /**
   * Datetimes from the CSV conversion all have the REST spelling and its fixed width, so their
   * string order is their time order: nothing is parsed here.
   */
  note(records: readonly SfRecord[]): void {
    let stamp = this.position?.systemModstamp ?? '';
    let id = this.position?.id ?? '';
    for (const record of records) {
      const { SystemModstamp: at, Id: recordId } = record;
      if (typeof at !== 'string' || typeof recordId !== 'string') continue;
      if (at > stamp || (at === stamp && recordId > id)) {
        stamp = at;
        id = recordId;
      }
    }
    if (stamp !== '') this.position = { systemModstamp: stamp, id };
  }

  /**
   * The position, checked once by the datetime grammar: the CSV conversion rewrites a well-shaped
   * cell without range checks, and one naming no real time (hour 99) would otherwise become the
   * checkpoint, where the state store refuses it.
   */
  get checkpoint(): Checkpoint | null {
    if (this.position !== null) requireDateTime(this.position.systemModstamp);
    return this.position;
  }
}

export async function* readBulkBackfill(
  request: BulkBackfillRequest,
  deps: BulkBackfillDeps,
  tuning: BulkBackfillTuning,
): AsyncGenerator<RecordPage> {
  const { object, fields, types } = request;
  const countIn = (window: Window): Promise<number> => {
    deps.budget.assertWithinBudget();
    return deps.count(buildCount({ object, where: windowCondition(window) }));
  };
  const windows = await planWindows(request.range, request.total, tuning.windowMaxRecords, countIn);
  const highest = new HighestPosition();
  for (const [index, window] of windows.entries()) {
    deps.budget.assertWithinBudget();
    const soql = buildSelect({ object, fields, where: windowCondition(window) });
    for await (const csv of deps.bulk.run(soql, {
      scanAll: true,
      maxRecords: tuning.resultsMaxRecords,
      beforePage: () => deps.budget.assertWithinBudget(),
    })) {
      const page = openCsvPage(csv, object, types);
      for (;;) {
        const records = csvToRecords(page, tuning.pageSize);
        if (records.length === 0) break;
        highest.note(records);
        yield { object, records, last: false, checkpoint: null };
      }
    }
    yield { object, records: [], last: index === windows.length - 1, checkpoint: highest.checkpoint };
  }
}
