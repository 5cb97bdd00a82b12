/**
 * The incremental reader (ARCHITECTURE.md §7): changed and deleted records of one object, page by page,
 * from `queryAll` with explicit paging in (SystemModstamp, Id) order, or from Bulk API 2.0 when
 * a backfill is big (unordered pages, and a checkpoint at the end of each window: see
 * bulk-backfill.ts).
 *
 * Bounds are whole UTC seconds (SOQL datetime literals have none smaller): the lower bound is
 * floored, so a little more is read, never less; the upper bound is floored too, and whatever
 * falls in the fraction of a second after it is read by the next run's lookback.
 */
import type { SfRecord } from '../core/model';
import type { CrmReader, IncrementalReadRequest, RecordPage } from '../sync/ports';
import { CoachError, ExitCode } from '../lib/errors';
import type { ApiBudget } from './api-budget';
import { readBulkBackfill } from './bulk-backfill';
import type { BulkQueryClient } from './bulk-query';
import type { Window } from './bulk-windows';
import { floorToSecond, windowCondition } from './bulk-windows';
import type { ObjectDescribe } from './describe';
import { SalesforceRequestError, toCoachError } from './error-policy';
import { fieldTypesOf } from './field-types';
import type { SalesforceHttp } from './http-client';
import { countRecords, queryAllPages, queryPages } from './query-pager';
import { requireDateTime } from './required-datetime';
import { apiName, buildCount, buildSelect, distinctFields } from './soql-builder';

/**
 * Records per Bulk window (one query job). Pages are handed on as they arrive, so memory does not
 * depend on it; it bounds what a run stopped inside a window reads again and how long one job
 * runs, while each window costs a COUNT(), a job and a poll or more.
 */
export const BULK_WINDOW_MAX_RECORDS = 500_000;
/** Records per page yielded from Bulk results, like a full REST page. */
export const BULK_PAGE_SIZE = 2_000;
/**
 * Rows per Bulk results page asked of Salesforce (maxRecords); each page is one API call. The
 * CSV of a page is the most the reader holds, and only a full collection frees it: bigger pages
 * save calls and cost peak memory (the README's benchmark section has the measured trade-off).
 */
export const BULK_RESULTS_MAX_RECORDS = 20_000;
/** Times a read is restarted after its query cursor was lost (INVALID_QUERY_LOCATOR). */
export const MAX_QUERY_RESTARTS = 3;
const PAGE_SIZE_RANGE = { min: 200, max: 2_000 } as const;
/** Every incremental read selects these, whatever the config asks. */
const SYSTEM_FIELDS = ['Id', 'SystemModstamp', 'IsDeleted'] as const;
/**
 * Setup objects are deactivated, never deleted, and have no IsDeleted field: selecting it from
 * User is INVALID_FIELD in a real org (and in the sandbox). Their reads leave it out.
 */
const WITHOUT_IS_DELETED: ReadonlySet<string> = new Set([
  'user',
  'group',
  'profile',
  'userrole',
  'permissionset',
  'recordtype',
  'organization',
]);

function systemFieldsOf(object: string): readonly string[] {
  return WITHOUT_IS_DELETED.has(object.toLowerCase()) ? SYSTEM_FIELDS.filter((f) => f !== 'IsDeleted') : SYSTEM_FIELDS;
}
const ORDER = [{ field: 'SystemModstamp' }, { field: 'Id' }] as const;

export interface ReaderDeps {
  http: SalesforceHttp;
  budget: ApiBudget;
  bulk: BulkQueryClient;
  /** Describe of an object (cached by the session); null when the org has none. */
  describe(object: string): Promise<ObjectDescribe | null>;
  /** Advice for SF_SESSION_EXPIRED, which depends on the auth method. */
  sessionActions: readonly string[];
  /** Overrides of the knobs above (tests use small ones). */
  tuning?: Partial<ReaderTuning>;
}

export interface ReaderTuning {
  bulkWindowMaxRecords: number;
  bulkPageSize: number;
  bulkResultsMaxRecords: number;
  maxQueryRestarts: number;
}

const DEFAULT_TUNING: ReaderTuning = {
  bulkWindowMaxRecords: BULK_WINDOW_MAX_RECORDS,
  bulkPageSize: BULK_PAGE_SIZE,
  bulkResultsMaxRecords: BULK_RESULTS_MAX_RECORDS,
  maxQueryRestarts: MAX_QUERY_RESTARTS,
};

/** Bulk CSV is typed back from the describe; these are converted even if an org's describe lacks them. */
const SYSTEM_FIELD_TYPES = [
  ['systemmodstamp', 'datetime'],
  ['isdeleted', 'boolean'],
] as const;

function secondOf(record: SfRecord): number {
  return floorToSecond(requireDateTime(String(record.SystemModstamp)));
}

/**
 * Where a restarted read picks up: the last second yielded and the Ids already yielded in it.
 * The restart re-reads that whole second and drops what was seen, which is right however
 * Salesforce collates Ids. Pages arrive sorted, so only a page's leading records can have been
 * seen and only its trailing second needs remembering: a few datetimes are parsed per page,
 * not every record's (the last one, the page's checkpoint, always is).
 */
class ResumePoint {
  private second: number | null = null;
  private seenInSecond = new Set<string>();

  /**
   * Records this read sent again and left out: after a restart, or when the org repeats a row on the next
   * page, which Salesforce has been seen to do on queryMore.
   */
  repeated = 0;

  /** Keeps the records not yet yielded and remembers them. */
  accept(records: readonly SfRecord[]): SfRecord[] {
    const fresh = this.dropSeen(records);
    this.repeated += records.length - fresh.length;
    this.remember(fresh);
    return fresh;
  }

  get restartFrom(): number | null {
    return this.second;
  }

  private dropSeen(records: readonly SfRecord[]): SfRecord[] {
    if (this.second === null) return [...records];
    const kept: SfRecord[] = [];
    let index = 0;
    for (; index < records.length; index += 1) {
      const record = records[index] as SfRecord;
      const second = secondOf(record);
      if (second > this.second) break;
      if (second === this.second && !this.seenInSecond.has(String(record.Id))) kept.push(record);
    }
    return index === 0 ? [...records] : [...kept, ...records.slice(index)];
  }

  private remember(records: readonly SfRecord[]): void {
    const last = records.at(-1);
    if (last === undefined) return;
    const second = secondOf(last);
    if (second !== this.second) {
      this.second = second;
      this.seenInSecond = new Set();
    }
    for (let index = records.length - 1; index >= 0; index -= 1) {
      const record = records[index] as SfRecord;
      if (index < records.length - 1 && secondOf(record) !== second) break;
      this.seenInSecond.add(String(record.Id));
    }
  }
}

export class SalesforceReader implements CrmReader {
  private readonly tuning: ReaderTuning;

  constructor(private readonly deps: ReaderDeps) {
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  }

  readIncremental(request: IncrementalReadRequest): AsyncIterable<RecordPage> {
    return this.guard(`Reading ${request.object}`, this.read(request));
  }

  async queryAll(soql: string): Promise<SfRecord[]> {
    try {
      return await queryAllPages(this.deps.http, soql, {
        endpoint: 'query',
        beforePage: () => this.deps.budget.assertWithinBudget(),
      });
    } catch (error) {
      throw toCoachError(error, { doing: 'Running a query', sessionActions: this.deps.sessionActions });
    }
  }

  private async *guard(doing: string, pages: AsyncGenerator<RecordPage>): AsyncGenerator<RecordPage> {
    try {
      yield* pages;
    } catch (error) {
      throw toCoachError(error, { doing, sessionActions: this.deps.sessionActions });
    }
  }

  private async *read(request: IncrementalReadRequest): AsyncGenerator<RecordPage> {
    const object = apiName(request.object);
    if (
      !Number.isInteger(request.pageSize) ||
      request.pageSize < PAGE_SIZE_RANGE.min ||
      request.pageSize > PAGE_SIZE_RANGE.max
    ) {
      throw new CoachError({
        code: 'SF_BAD_PAGE_SIZE',
        message: `Page size ${request.pageSize} is outside 200–2000.`,
        exitCode: ExitCode.usage,
      });
    }
    const fields = distinctFields([...systemFieldsOf(object), ...request.fields]);
    // SOQL datetimes have whole seconds. The end is the second after `until`, excluded, so that
    // nothing stamped in the run's last second waits a run (reading a few ms past `until` is
    // harmless: the checkpoint follows the records read, never `until`).
    const range: Window = {
      from: floorToSecond(request.since ?? request.backfillFrom),
      to: floorToSecond(request.until) + 1000,
      inclusiveEnd: false,
    };
    if (range.from > range.to) {
      yield { object, records: [], last: true };
      return;
    }
    if (request.since === null) {
      this.deps.budget.assertWithinBudget();
      const total = await countRecords(
        this.deps.http,
        buildCount({ object, where: windowCondition(range) }),
        'queryAll',
      );
      if (total > request.bulkThreshold) {
        let first = true;
        for await (const page of this.readBulk(object, fields, range, total)) {
          yield first ? { ...page, expected: total } : page;
          first = false;
        }
        return;
      }
    }
    yield* this.readRest(object, fields, range, request.pageSize);
  }

  private async *readRest(
    object: string,
    fields: string[],
    range: Window,
    pageSize: number,
  ): AsyncGenerator<RecordPage> {
    const resume = new ResumePoint();
    // The first query's totalSize is the whole read's; a restarted query counts only what is left.
    let expected: number | undefined;
    let yielded = false;
    for (let restarts = 0; ; restarts += 1) {
      const from = resume.restartFrom ?? range.from;
      const soql = buildSelect({ object, fields, where: windowCondition({ ...range, from }), orderBy: ORDER });
      try {
        const pages = queryPages(this.deps.http, soql, {
          endpoint: 'queryAll',
          batchSize: pageSize,
          beforePage: () => this.deps.budget.assertWithinBudget(),
        });
        for await (const page of pages) {
          expected ??= page.totalSize;
          const before = resume.repeated;
          const records = resume.accept(page.records);
          const repeated = resume.repeated - before;
          if (records.length === 0 && !page.done && repeated === 0) continue;
          const out: RecordPage = { object, records, last: page.done };
          if (!yielded) out.expected = expected;
          if (repeated > 0) out.repeated = repeated;
          yield out;
          yielded = true;
        }
        return;
      } catch (error) {
        const lostCursor = error instanceof SalesforceRequestError && error.classification.action === 'requery';
        if (!lostCursor || restarts >= this.tuning.maxQueryRestarts) throw error;
      }
    }
  }

  private async *readBulk(object: string, fields: string[], range: Window, total: number): AsyncGenerator<RecordPage> {
    const types = new Map([
      ...SYSTEM_FIELD_TYPES,
      ...(await fieldTypesOf(object, fields, (name) => this.deps.describe(name))),
    ]);
    const { http, budget, bulk } = this.deps;
    yield* readBulkBackfill(
      { object, fields, types, range, total },
      { budget, bulk, count: (soql) => countRecords(http, soql, 'queryAll') },
      {
        windowMaxRecords: this.tuning.bulkWindowMaxRecords,
        pageSize: this.tuning.bulkPageSize,
        resultsMaxRecords: this.tuning.bulkResultsMaxRecords,
      },
    );
  }
}
