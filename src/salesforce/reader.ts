/**
 * The incremental reader (design §7): changed and deleted records of one object in
 * (SystemModstamp, Id) order, page by page, from `queryAll` with explicit paging, or from
 * Bulk API 2.0 when a backfill is big.
 *
 * Bounds are whole UTC seconds (SOQL datetime literals have none smaller): the lower bound is
 * floored, so a little more is read, never less; the upper bound is floored too, and whatever
 * falls in the fraction of a second after it is read by the next run's lookback.
 */
import type { SfRecord } from '../core/model';
import type { CrmReader, IncrementalReadRequest, RecordPage } from '../sync/ports';
import { CoachError, ExitCode } from '../lib/errors';
import type { ApiBudget } from './api-budget';
import type { BulkQueryClient } from './bulk-query';
import { csvToRecords, parseCsv } from './bulk-csv';
import type { ObjectDescribe } from './describe';
import { SalesforceRequestError, toCoachError } from './error-policy';
import type { SalesforceHttp } from './http-client';
import { countRecords, queryAllPages, queryPages } from './query-pager';
import { floorToSecond, parseSalesforceDateTime } from './sf-datetime';
import type { Condition } from './soql-builder';
import { and, apiName, buildCount, buildSelect, dateTime, distinctFields, gte, lt, lte } from './soql-builder';
import { fieldTypesOf } from './field-types';

/** Records sorted in memory per Bulk job: bounds the reader's memory on a big backfill. */
export const BULK_WINDOW_MAX_RECORDS = 100_000;
/** Records per page yielded from Bulk results, like a full REST page. */
export const BULK_PAGE_SIZE = 2_000;
/** Times a read is restarted after its query cursor was lost (INVALID_QUERY_LOCATOR). */
export const MAX_QUERY_RESTARTS = 3;
const PAGE_SIZE_RANGE = { min: 200, max: 2_000 } as const;
/** Every incremental read selects these, whatever the config asks. */
const SYSTEM_FIELDS = ['Id', 'SystemModstamp', 'IsDeleted'] as const;
/**
 * Setup objects are deactivated, never deleted, and have no IsDeleted field: selecting it from
 * User is INVALID_FIELD in a real org (and in the sandbox). Their reads leave it out.
 */
const WITHOUT_IS_DELETED: ReadonlySet<string> = new Set(['user', 'group', 'profile', 'userrole', 'permissionset', 'recordtype', 'organization']);

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
  maxQueryRestarts: number;
}

const DEFAULT_TUNING: ReaderTuning = {
  bulkWindowMaxRecords: BULK_WINDOW_MAX_RECORDS,
  bulkPageSize: BULK_PAGE_SIZE,
  maxQueryRestarts: MAX_QUERY_RESTARTS,
};

/** A time range in whole seconds; the end is inclusive only for the last window of a read. */
interface Window {
  from: number;
  to: number;
  inclusiveEnd: boolean;
}

function windowCondition(window: Window): Condition {
  const upper = window.inclusiveEnd ? lte('SystemModstamp', dateTime(window.to)) : lt('SystemModstamp', dateTime(window.to));
  return and(gte('SystemModstamp', dateTime(window.from)), upper);
}

function modstampOf(record: SfRecord): number {
  return parseSalesforceDateTime(String(record.SystemModstamp));
}

function secondOf(record: SfRecord): number {
  return floorToSecond(modstampOf(record));
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

  /** Keeps the records not yet yielded and remembers them. */
  accept(records: readonly SfRecord[]): SfRecord[] {
    const fresh = this.dropSeen(records);
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
      return await queryAllPages(this.deps.http, soql, { endpoint: 'query', beforePage: () => this.deps.budget.assertWithinBudget() });
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
    if (!Number.isInteger(request.pageSize) || request.pageSize < PAGE_SIZE_RANGE.min || request.pageSize > PAGE_SIZE_RANGE.max) {
      throw new CoachError({ code: 'SF_BAD_PAGE_SIZE', message: `Page size ${request.pageSize} is outside 200–2000.`, exitCode: ExitCode.usage });
    }
    const fields = distinctFields([...systemFieldsOf(object), ...request.fields]);
    // SOQL datetimes have whole seconds. The end is the second after `until`, excluded, so that
    // nothing stamped in the run's last second waits a run (reading a few ms past `until` is
    // harmless: the checkpoint follows the records read, never `until`).
    const range: Window = { from: floorToSecond(request.since ?? request.backfillFrom), to: floorToSecond(request.until) + 1000, inclusiveEnd: false };
    if (range.from > range.to) {
      yield { object, records: [], last: true };
      return;
    }
    if (request.since === null) {
      this.deps.budget.assertWithinBudget();
      const total = await countRecords(this.deps.http, buildCount({ object, where: windowCondition(range) }), 'queryAll');
      if (total > request.bulkThreshold) {
        yield* this.readBulk(object, fields, range, total);
        return;
      }
    }
    yield* this.readRest(object, fields, range, request.pageSize);
  }

  private async *readRest(object: string, fields: string[], range: Window, pageSize: number): AsyncGenerator<RecordPage> {
    const resume = new ResumePoint();
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
          const records = resume.accept(page.records);
          if (records.length > 0 || page.done) yield { object, records, last: page.done };
        }
        return;
      } catch (error) {
        const lostCursor = error instanceof SalesforceRequestError && error.classification.action === 'requery';
        if (!lostCursor || restarts >= this.tuning.maxQueryRestarts) throw error;
      }
    }
  }

  private async *readBulk(object: string, fields: string[], range: Window, total: number): AsyncGenerator<RecordPage> {
    const types = await fieldTypesOf(object, fields, (name) => this.deps.describe(name));
    const windows = await this.planWindows(object, range, total);
    for (const [index, window] of windows.entries()) {
      this.deps.budget.assertWithinBudget();
      const soql = buildSelect({ object, fields, where: windowCondition(window) });
      const records: SfRecord[] = [];
      for await (const csv of this.deps.bulk.run(soql, { scanAll: true })) records.push(...csvToRecords(parseCsv(csv), object, types));
      const sorted = sortByModstampThenId(records);
      const lastWindow = index === windows.length - 1;
      if (sorted.length === 0 && lastWindow) yield { object, records: [], last: true };
      for (let start = 0; start < sorted.length; start += this.tuning.bulkPageSize) {
        const end = start + this.tuning.bulkPageSize;
        yield { object, records: sorted.slice(start, end), last: lastWindow && end >= sorted.length };
      }
    }
  }

  /**
   * Bulk does not return rows in order, so each job's rows are sorted in memory. To bound that
   * memory, the range is halved (one COUNT() per split) until each window holds at most
   * bulkWindowMaxRecords, or is a single second.
   */
  private async planWindows(object: string, window: Window, count: number): Promise<Window[]> {
    if (count <= this.tuning.bulkWindowMaxRecords || window.to - window.from <= 1000) return [window];
    const middle = floorToSecond(window.from + (window.to - window.from) / 2);
    const left: Window = { from: window.from, to: middle, inclusiveEnd: false };
    const right: Window = { from: middle, to: window.to, inclusiveEnd: window.inclusiveEnd };
    this.deps.budget.assertWithinBudget();
    const leftCount = await countRecords(this.deps.http, buildCount({ object, where: windowCondition(left) }), 'queryAll');
    return [...(await this.planWindows(object, left, leftCount)), ...(await this.planWindows(object, right, count - leftCount))];
  }
}

function sortByModstampThenId(records: readonly SfRecord[]): SfRecord[] {
  const keyed = records.map((record) => ({ at: modstampOf(record), id: String(record.Id), record }));
  keyed.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((entry) => entry.record);
}
