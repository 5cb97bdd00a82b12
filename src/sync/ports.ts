/**
 * The narrow capabilities one sync run is wired from (the Nango idea: a sync is a plain
 * function over a reader, a writer and a checkpointed store). Live runs plug in the Salesforce
 * adapter and SQLite; previews and dry runs plug in a writer that records instead of sending
 * (recording-writer.ts), dry runs also a copy of the state; tests plug in whatever they need.
 * Nothing here knows about HTTP or SQL.
 */
import type { SfRecord, StepEvent } from '../core/model';
import type { RunResult } from './run-result';

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Position of an incremental read: the last record stored, in (SystemModstamp, Id) order. */
export interface Checkpoint {
  /** Salesforce datetime as returned by the API, e.g. `2026-11-20T15:04:05.000+0000`. */
  systemModstamp: string;
  id: string;
}

export interface IncrementalReadRequest {
  object: string;
  /** Fields to select; the reader adds Id, SystemModstamp and IsDeleted itself. */
  fields: readonly string[];
  /** Inclusive lower bound on SystemModstamp (checkpoint minus lookback); null = backfill. */
  since: number | null;
  /** Backfill start when `since` is null (epoch ms), i.e. now − backfillDays. */
  backfillFrom: number;
  /** Inclusive upper bound on SystemModstamp fixed at the start of the run (epoch ms). */
  until: number;
  /** Requested page size, 200–2000 (Salesforce may send fewer; never assume it). */
  pageSize: number;
  /** Use Bulk API 2.0 when a backfill has more records than this. */
  bulkThreshold: number;
}

/** One page of records; deleted ones carry IsDeleted = true. */
export interface RecordPage {
  object: string;
  records: SfRecord[];
  /** True on the last page of the read. */
  last: boolean;
  /**
   * Where the read stands once this page is stored:
   * - undefined: the page is in (SystemModstamp, Id) order and its last record is the position
   *   (REST query pages);
   * - null: the records are in no particular order, the position does not move (a Bulk window
   *   still being read: an earlier-stamped record may still come);
   * - a checkpoint: everything up to it has been yielded (the end of a Bulk window).
   */
  checkpoint?: Checkpoint | null;
  /**
   * How many records the whole read expects (a backfill's count, a query's totalSize), on its first page when the
   * reader knows: for progress and a time left, never to decide when the read ends.
   */
  expected?: number;
  /**
   * Records the org sent again that this read had already yielded (the same Id on two pages), left out of
   * `records` so that each is counted once; absent when none were.
   */
  repeated?: number;
}

export interface CrmReader {
  /** Reads changed and deleted records (queryAll) page by page, in (SystemModstamp, Id) order. */
  readIncremental(request: IncrementalReadRequest): AsyncIterable<RecordPage>;
  /** Runs a small query to completion (all pages; no silent cap). */
  queryAll(soql: string): Promise<SfRecord[]>;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Outcome of one record in a collection call, in request order. */
export interface WriteItemResult {
  ok: boolean;
  /** Salesforce Id when the record was written. */
  id?: string;
  /** For upserts: whether the record was created. */
  created?: boolean;
  /** `statusCode` of the item error (or `errorCode`, which some responses use). */
  errorCode?: string;
  message?: string;
}

export interface CrmWriter {
  /** Upserts by external id in collections of at most 200, allOrNone false. */
  upsert(
    object: string,
    externalIdField: string,
    records: ReadonlyArray<Record<string, unknown>>,
  ): Promise<WriteItemResult[]>;
  /** Updates by Id in collections of at most 200, allOrNone false. */
  update(object: string, records: ReadonlyArray<{ Id: string } & Record<string, unknown>>): Promise<WriteItemResult[]>;
  /**
   * Reads back the records whose `keyField` is one of `keys`, so that a lost or stale ledger
   * never makes the writer create a record twice or reset what a person changed.
   */
  findByKeys(
    object: string,
    keyField: string,
    keys: readonly string[],
    fields?: readonly string[],
  ): Promise<SfRecord[]>;
  /**
   * False for a writer that sends nothing (it records instead): its answers are not the org's,
   * so the ledger does not keep them and its run is no reason to skip computing the next one.
   * A writer that sends leaves it out.
   */
  readonly sends?: boolean;
}

/** API usage as the last response reported it (`Sforce-Limit-Info: api-usage=used/limit`). */
export interface ApiUsage {
  used: number;
  limit: number;
}

/** Calls made by this process, by kind, for run history and benchmarks. */
export interface ApiCallCounts {
  query: number;
  queryMore: number;
  bulk: number;
  write: number;
  other: number;
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Local state
// ---------------------------------------------------------------------------------------------

/** What the store keeps of one Salesforce record: its mapped output, or its raw form. */
export interface StoredRecord {
  id: string;
  systemModstamp: string;
  /** Step events the record maps to (may be empty). */
  events: readonly StepEvent[];
  /** Non-event facts the core needs (open follow-up items, lead states, users), as plain JSON. */
  facts: readonly unknown[];
}

export interface LedgerEntry {
  /** Deterministic key of the written record (`v1:…`). */
  ledgerKey: string;
  object: string;
  /** Content hash of the connector-owned fields last written. */
  hash: string;
  /** Salesforce Id, once known. */
  sfId: string | null;
  /** When it was written (epoch ms). */
  writtenAt: number;
}

/** What a run reports when it ends; counts default to zero. */
/** What a run read of one object: records changed and deleted. */
export interface ObjectReadCount {
  object: string;
  records: number;
  deleted: number;
}

export interface FinishedRun {
  result: RunResult;
  recordsRead?: number;
  /** Per object; the sum is `recordsRead`. */
  reads?: readonly ObjectReadCount[];
  apiCalls?: number;
  writes?: Partial<RunSummary['writes']>;
  errors?: readonly string[];
}

export interface RunSummary {
  runId: string;
  startedAt: number;
  finishedAt: number | null;
  result: RunResult | 'running';
  recordsRead: number;
  /** Per object; empty for runs recorded before it was kept. */
  reads: ObjectReadCount[];
  apiCalls: number;
  writes: { created: number; updated: number; skipped: number; failed: number };
  errors: string[];
}
