import nock from 'nock';
import type { IncrementalReadRequest, RecordPage } from '../../src/sync/ports';
import {
  API,
  INSTANCE,
  LIMIT_HEADER,
  collect,
  failureOf,
  openTokenSession,
  queryResult,
  soqlOf,
  taskRecord,
  taskRecords,
} from './support';
import { useNock } from './use-nock';

useNock();

const SINCE = Date.UTC(2026, 10, 20, 15, 4, 5, 250);
const UNTIL = Date.UTC(2026, 10, 26, 12, 0, 0, 900);

function incremental(overrides: Partial<IncrementalReadRequest> = {}): IncrementalReadRequest {
  return {
    object: 'Task',
    fields: ['OwnerId', 'CallDisposition', 'CompletedDateTime', 'What.Name'],
    since: SINCE,
    backfillFrom: Date.UTC(2026, 7, 28),
    until: UNTIL,
    pageSize: 500,
    bulkThreshold: 100_000,
    ...overrides,
  };
}

function locator(n: number): string {
  return `${API}/query/01gRO0000016PIAYA2-${n}`;
}

describe('the incremental reader', () => {
  it('given a checkpoint, then it asks queryAll for the window in (SystemModstamp, Id) order with the page size header', async () => {
    let soql = '';
    let batchHeader: string | string[] | undefined;
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(function (uri) {
        soql = soqlOf(uri);
        batchHeader = this.req.headers['sforce-query-options'];
        return [200, queryResult([]), LIMIT_HEADER];
      });
    const { session } = await openTokenSession();

    await collect(session.reader.readIncremental(incremental()));

    expect(soql).toBe(
      'SELECT Id, SystemModstamp, IsDeleted, OwnerId, CallDisposition, CompletedDateTime, What.Name FROM Task ' +
        'WHERE SystemModstamp >= 2026-11-20T15:04:05Z AND SystemModstamp < 2026-11-26T12:00:01Z ORDER BY SystemModstamp, Id',
    );
    expect(batchHeader).toBe('batchSize=500');
  });

  it('given an empty result, then it yields one empty last page, expecting nothing', async () => {
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(200, { totalSize: 0, done: true, records: [] }, LIMIT_HEADER);
    const { session } = await openTokenSession();

    const pages = await collect(session.reader.readIncremental(incremental()));

    expect(pages).toEqual([{ object: 'Task', records: [], last: true, expected: 0 }]);
  });

  it('given nulls, nested relationships and +0000 dates, then records come through exactly as Salesforce sent them', async () => {
    const record = taskRecord('00T000000000001AAA', '2026-11-20T15:04:05.000+0000', {
      IsDeleted: true,
      OwnerId: '005000000000001AAA',
      CallDisposition: null,
      CompletedDateTime: '2026-11-20T15:00:00.000+0000',
      What: {
        attributes: { type: 'Opportunity', url: `${API}/sobjects/Opportunity/006000000000001AAA` },
        Name: 'Dana Reyes - F-150',
      },
    });
    const orphan = taskRecord('00T000000000002AAA', '2026-11-20T15:04:06.000+0000', {
      What: null,
      CompletedDateTime: null,
    });
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(200, queryResult([record, orphan]), LIMIT_HEADER);
    const { session } = await openTokenSession();

    const [page] = await collect(session.reader.readIncremental(incremental()));

    expect(page?.records).toEqual([record, orphan]);
    expect(page?.last).toBe(true);
  });

  it.each([[200], [1337], [2000]])(
    'given pages of %i records, then it follows nextRecordsUrl and yields every record once, in order',
    async (pageSize) => {
      const all = taskRecords(pageSize * 2 + 17);
      const pages = [all.slice(0, pageSize), all.slice(pageSize, pageSize * 2), all.slice(pageSize * 2)];
      nock(INSTANCE)
        .get(`${API}/queryAll`)
        .query(true)
        .reply(200, queryResult(pages[0] ?? [], locator(pageSize), all.length), LIMIT_HEADER);
      nock(INSTANCE)
        .get(locator(pageSize))
        .reply(200, queryResult(pages[1] ?? [], locator(pageSize * 2), all.length), LIMIT_HEADER);
      nock(INSTANCE)
        .get(locator(pageSize * 2))
        .reply(200, queryResult(pages[2] ?? [], undefined, all.length), LIMIT_HEADER);
      const { session } = await openTokenSession();

      const read = await collect(session.reader.readIncremental(incremental({ pageSize: Math.min(pageSize, 2000) })));

      expect(read.map((p) => p.records.length)).toEqual([pageSize, pageSize, 17]);
      expect(read.map((p) => p.last)).toEqual([false, false, true]);
      expect(read.flatMap((p) => p.records.map((r) => r.Id))).toEqual(all.map((r) => r.Id));
      expect(session.calls()).toMatchObject({ query: 1, queryMore: 2, total: 3 });
    },
  );

  it('given pages are consumed one at a time, then the next page is not requested before the previous one is taken', async () => {
    const all = taskRecords(4);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(200, queryResult(all.slice(0, 2), locator(2), 4), LIMIT_HEADER);
    const second = nock(INSTANCE)
      .get(locator(2))
      .reply(200, queryResult(all.slice(2), undefined, 4), LIMIT_HEADER);
    const { session } = await openTokenSession();
    const iterator = session.reader.readIncremental(incremental())[Symbol.asyncIterator]();

    const first = await iterator.next();

    expect((first.value as RecordPage).records).toHaveLength(2);
    expect(second.isDone()).toBe(false);
    const next = await iterator.next();
    expect(second.isDone()).toBe(true);
    // The query's totalSize, for progress, on the first page only.
    expect([(first.value as RecordPage).expected, (next.value as RecordPage).expected]).toEqual([4, undefined]);
  });

  it('given the query cursor is lost mid-read, then the read restarts from the last second yielded without repeating records', async () => {
    // Records 0–2 share one second; the cursor dies after the page that ends in the middle of it.
    const sameSecond = '2026-11-20T16:00:00.000+0000';
    const records = [
      taskRecord('00T00000000000AAAA', '2026-11-20T15:59:59.000+0000'),
      taskRecord('00T00000000000BAAA', sameSecond),
      taskRecord('00T00000000000CAAA', sameSecond),
      taskRecord('00T00000000000DAAA', sameSecond),
      taskRecord('00T00000000000EAAA', '2026-11-20T16:00:01.000+0000'),
    ];
    const queries: string[] = [];
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .times(2)
      .reply(function (uri) {
        queries.push(soqlOf(uri));
        return queries.length === 1
          ? [200, queryResult(records.slice(0, 2), locator(2)), LIMIT_HEADER]
          : [200, queryResult(records.slice(1)), LIMIT_HEADER];
      });
    nock(INSTANCE)
      .get(locator(2))
      .reply(400, [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }], LIMIT_HEADER);
    const { session } = await openTokenSession();

    const pages = await collect(session.reader.readIncremental(incremental()));

    expect(pages.flatMap((p) => p.records.map((r) => r.Id))).toEqual(records.map((r) => r.Id));
    expect(pages.map((p) => p.last)).toEqual([false, true]);
    expect(queries[1]).toContain('SystemModstamp >= 2026-11-20T16:00:00Z AND SystemModstamp < 2026-11-26T12:00:01Z');
  });

  it('given the org repeats a row on the next page (the same Id on two pages), then it is yielded once and counted as repeated', async () => {
    const records = taskRecords(5);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(200, queryResult(records.slice(0, 3), locator(3), 5), LIMIT_HEADER);
    nock(INSTANCE)
      .get(locator(3))
      .reply(200, queryResult(records.slice(2), undefined, 5), LIMIT_HEADER);
    const { session } = await openTokenSession();

    const pages = await collect(session.reader.readIncremental(incremental()));

    expect(pages.flatMap((p) => p.records.map((r) => r.Id))).toEqual(records.map((r) => r.Id));
    expect(pages.map((p) => p.repeated ?? 0)).toEqual([0, 1]);
  });

  it('given usage passes maxApiUsage mid-read, then it stops between pages with SF_API_BUDGET (exit 75)', async () => {
    const all = taskRecords(4);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(200, queryResult(all.slice(0, 2), locator(2)), { 'Sforce-Limit-Info': 'api-usage=12001/15000' });
    const second = nock(INSTANCE)
      .get(locator(2))
      .reply(200, queryResult(all.slice(2)), LIMIT_HEADER);
    const { session } = await openTokenSession({ maxApiUsage: 0.8 });
    const read: RecordPage[] = [];

    const error = await failureOf(
      (async () => {
        for await (const page of session.reader.readIncremental(incremental())) read.push(page);
      })(),
    );

    expect(error).toMatchObject({ code: 'SF_API_BUDGET', exitCode: 75 });
    expect(String(error.message)).toContain('checkpoints are kept');
    expect(read).toHaveLength(1);
    expect(second.isDone()).toBe(false);
    expect(session.usage()).toEqual({ used: 12001, limit: 15000 });
  });

  it('given an error array with several INVALID_FIELD errors, then it is one config error (exit 2) naming them', async () => {
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(
        400,
        [
          { errorCode: 'INVALID_FIELD', message: "No such column 'CallDisposition' on entity 'Task'." },
          { errorCode: 'INVALID_FIELD', message: "No such column 'What.Name' on entity 'Task'." },
        ],
        LIMIT_HEADER,
      );
    const { session } = await openTokenSession();

    const error = await failureOf(collect(session.reader.readIncremental(incremental())));

    expect(error).toMatchObject({ code: 'SF_CONFIG_MISMATCH', exitCode: 2 });
    expect(String(error.message)).toContain("No such column 'CallDisposition'");
    expect(String(error.message)).toContain("No such column 'What.Name'");
  });

  it('given an error array mixing a malformed query and the daily limit, then the limit wins (exit 75)', async () => {
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(
        403,
        [
          { errorCode: 'MALFORMED_QUERY', message: 'unexpected token: OR' },
          { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' },
        ],
        LIMIT_HEADER,
      );
    const { session } = await openTokenSession();

    const error = await failureOf(collect(session.reader.readIncremental(incremental())));

    expect(error).toMatchObject({ code: 'SF_API_LIMIT', exitCode: 75 });
  });

  it('given a nextRecordsUrl pointing somewhere else, then it refuses to follow it', async () => {
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(200, queryResult(taskRecords(1), 'http://example.com/steal'), LIMIT_HEADER);
    const { session } = await openTokenSession();

    const error = await failureOf(collect(session.reader.readIncremental(incremental())));

    expect(error).toMatchObject({ code: 'SF_BAD_RESPONSE' });
  });

  it('given a page whose last record (its checkpoint) has a malformed SystemModstamp, then the read fails instead of checkpointing a wrong place', async () => {
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query(true)
      .reply(200, queryResult([taskRecord('00T000000000001AAA', '20/11/2026 15:04')]), LIMIT_HEADER);
    const { session } = await openTokenSession();

    await expect(collect(session.reader.readIncremental(incremental()))).rejects.toMatchObject({
      code: 'SF_BAD_DATETIME',
    });
  });

  it('given a small query, then queryAll() pages it to the end through /query', async () => {
    const all = taskRecords(5);
    nock(INSTANCE)
      .get(`${API}/query`)
      .query({ q: 'SELECT Id FROM Task' })
      .reply(200, queryResult(all.slice(0, 3), locator(3)), LIMIT_HEADER);
    nock(INSTANCE)
      .get(locator(3))
      .reply(200, queryResult(all.slice(3)), LIMIT_HEADER);
    const { session } = await openTokenSession();

    const records = await session.reader.queryAll('SELECT Id FROM Task');

    expect(records.map((r) => r.Id)).toEqual(all.map((r) => r.Id));
  });
});
