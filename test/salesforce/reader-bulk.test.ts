import nock from 'nock';
import { Connection } from '@jsforce/jsforce-node';
import type { IncrementalReadRequest } from '../../src/sync/ports';
import { ApiBudget } from '../../src/salesforce/api-budget';
import { BulkQueryClient } from '../../src/salesforce/bulk-query';
import { describeObject } from '../../src/salesforce/describe';
import { SalesforceHttp } from '../../src/salesforce/http-client';
import type { ReaderTuning } from '../../src/salesforce/reader';
import { SalesforceReader } from '../../src/salesforce/reader';
import { NO_RENEWAL } from '../../src/salesforce/session-renewal';
import { API, INSTANCE, LIMIT_HEADER, TOKEN, collect, instantTiming, openTokenSession, queryResult, soqlOf, taskRecords, useNock } from './support';

useNock();

const JOB = '750R0000000zlh9IAA';
const FROM = Date.UTC(2026, 7, 28);
const UNTIL = Date.UTC(2026, 10, 26);

function backfill(overrides: Partial<IncrementalReadRequest> = {}): IncrementalReadRequest {
  return {
    object: 'Task',
    fields: ['OwnerId', 'CallDurationInSeconds', 'IsHighPriority', 'CompletedDateTime', 'Account.Name', 'Account.NumberOfEmployees', 'Who.Name'],
    since: null,
    backfillFrom: FROM,
    until: UNTIL,
    pageSize: 2000,
    bulkThreshold: 2,
    ...overrides,
  };
}

/** `clockPerSleep`: how far the fake clock moves on each sleep (default: the time slept). */
function buildReader(
  tuning: Partial<ReaderTuning> = {},
  clockPerSleep?: number,
): { reader: SalesforceReader; budget: ApiBudget; timing: ReturnType<typeof instantTiming> & { now(): number } } {
  const base = instantTiming();
  let clock = 0;
  const timing = {
    ...base,
    sleep: (ms: number) => {
      clock += clockPerSleep ?? ms;
      return base.sleep(ms);
    },
    now: () => clock,
  };
  const budget = new ApiBudget(0.8);
  const connection = new Connection({ instanceUrl: INSTANCE, accessToken: TOKEN, version: '62.0' });
  const http = new SalesforceHttp({ connection, budget, session: NO_RENEWAL, timing });
  const reader = new SalesforceReader({
    http,
    budget,
    bulk: new BulkQueryClient(http, timing),
    describe: (name) => describeObject(http, name),
    sessionActions: [],
    tuning,
  });
  return { reader, budget, timing };
}

function describeBody(name: string, fields: Array<[string, string, Record<string, unknown>?]>): Record<string, unknown> {
  return { name, fields: fields.map(([field, type, extra]) => ({ name: field, type, ...extra })) };
}

function mockDescribes(): void {
  nock(INSTANCE)
    .get(`${API}/sobjects/Task/describe`)
    .reply(
      200,
      describeBody('Task', [
        ['Id', 'id'],
        ['SystemModstamp', 'datetime'],
        ['IsDeleted', 'boolean'],
        ['OwnerId', 'reference', { relationshipName: 'Owner', referenceTo: ['User'] }],
        ['CallDurationInSeconds', 'int'],
        ['IsHighPriority', 'boolean'],
        ['CompletedDateTime', 'datetime'],
        ['AccountId', 'reference', { relationshipName: 'Account', referenceTo: ['Account'] }],
        ['WhoId', 'reference', { relationshipName: 'Who', referenceTo: ['Contact', 'Lead'] }],
      ]),
      LIMIT_HEADER,
    );
  nock(INSTANCE)
    .get(`${API}/sobjects/Account/describe`)
    .reply(200, describeBody('Account', [['Name', 'string'], ['NumberOfEmployees', 'int']]), LIMIT_HEADER);
}

function mockCount(totalSize: number): string[] {
  const asked: string[] = [];
  nock(INSTANCE)
    .get(`${API}/queryAll`)
    .query((q) => String(q.q).startsWith('SELECT COUNT()'))
    .reply((uri) => {
      asked.push(soqlOf(uri));
      return [200, { totalSize, done: true, records: [] }, LIMIT_HEADER];
    });
  return asked;
}

const HEADER =
  '"Id","SystemModstamp","IsDeleted","OwnerId","CallDurationInSeconds","IsHighPriority","CompletedDateTime","Account.Name","Account.NumberOfEmployees","Who.Name"';

/** A Bulk query job: created, in progress once, complete, then its CSV pages chained by Sforce-Locator. */
function mockJob(jobId: string, pages: readonly string[]): { created: Array<Record<string, unknown>> } {
  const created: Array<Record<string, unknown>> = [];
  nock(INSTANCE)
    .post(`${API}/jobs/query`)
    .reply((_uri, body) => {
      created.push(body as Record<string, unknown>);
      return [200, { id: jobId, operation: 'queryAll', state: 'UploadComplete' }, LIMIT_HEADER];
    });
  nock(INSTANCE).get(`${API}/jobs/query/${jobId}`).reply(200, { id: jobId, state: 'InProgress' }, LIMIT_HEADER);
  nock(INSTANCE).get(`${API}/jobs/query/${jobId}`).reply(200, { id: jobId, state: 'JobComplete' }, LIMIT_HEADER);
  pages.forEach((csv, i) => {
    const locator = i === pages.length - 1 ? 'null' : `LOC${i + 1}`;
    const path = `${API}/jobs/query/${jobId}/results${i === 0 ? '' : `?locator=LOC${i}`}`;
    nock(INSTANCE)
      .get(path)
      .reply(200, csv, { 'Content-Type': 'text/csv', 'Sforce-Locator': locator, 'Sforce-NumberOfRecords': '1', ...LIMIT_HEADER });
  });
  return { created };
}

describe('backfills through Bulk API 2.0', () => {
  it('given a backfill above bulkThreshold, then it runs one queryAll job and yields typed records in (SystemModstamp, Id) order', async () => {
    const counts = mockCount(3);
    mockDescribes();
    const { created } = mockJob(JOB, [
      `${HEADER}\n"00T000000000003AAA","2026-11-02T10:00:00.000Z","false","005000000000001AAA","95","true","2026-11-02T09:58:00.000Z","Acme Motors","120","Dana Reyes"\n` +
        `"00T000000000001AAA","2026-11-01T10:00:00.000Z","true","005000000000002AAA","","false","","","",""\n`,
      `${HEADER}\n"00T000000000002AAA","2026-11-01T10:00:00.000Z","false","005000000000001AAA","12","false","2026-11-01T09:00:00.000Z","Quote ""Q"", Inc","","Sam, Jr."\n`,
    ]);
    const { reader, budget, timing } = buildReader();

    const pages = await collect(reader.readIncremental(backfill()));

    expect(counts).toEqual(['SELECT COUNT() FROM Task WHERE SystemModstamp >= 2026-08-28T00:00:00Z AND SystemModstamp < 2026-11-26T00:00:01Z']);
    expect(created[0]).toMatchObject({ operation: 'queryAll', contentType: 'CSV' });
    expect(String(created[0]?.query)).not.toContain('ORDER BY');
    expect(pages).toHaveLength(1);
    expect(pages[0]?.last).toBe(true);
    expect(pages[0]?.records).toEqual([
      {
        attributes: { type: 'Task' },
        Id: '00T000000000001AAA',
        SystemModstamp: '2026-11-01T10:00:00.000+0000',
        IsDeleted: true,
        OwnerId: '005000000000002AAA',
        CallDurationInSeconds: null,
        IsHighPriority: false,
        CompletedDateTime: null,
        Account: null,
        Who: null,
      },
      {
        attributes: { type: 'Task' },
        Id: '00T000000000002AAA',
        SystemModstamp: '2026-11-01T10:00:00.000+0000',
        IsDeleted: false,
        OwnerId: '005000000000001AAA',
        CallDurationInSeconds: 12,
        IsHighPriority: false,
        CompletedDateTime: '2026-11-01T09:00:00.000+0000',
        Account: { Name: 'Quote "Q", Inc', NumberOfEmployees: null },
        Who: { Name: 'Sam, Jr.' },
      },
      {
        attributes: { type: 'Task' },
        Id: '00T000000000003AAA',
        SystemModstamp: '2026-11-02T10:00:00.000+0000',
        IsDeleted: false,
        OwnerId: '005000000000001AAA',
        CallDurationInSeconds: 95,
        IsHighPriority: true,
        CompletedDateTime: '2026-11-02T09:58:00.000+0000',
        Account: { Name: 'Acme Motors', NumberOfEmployees: 120 },
        Who: { Name: 'Dana Reyes' },
      },
    ]);
    expect(timing.sleeps).toEqual([2000]);
    // COUNT, two describes, job create, two polls, two result pages: every one counted.
    expect(budget.calls()).toEqual({ query: 1, queryMore: 0, bulk: 5, write: 0, other: 2, total: 8 });
  });

  it('given a session, then its reader is wired to Bulk with the session timers and counts', async () => {
    mockCount(3);
    mockDescribes();
    mockJob(JOB, [`${HEADER}\n"00T000000000001AAA","2026-11-01T10:00:00.000Z","false","","","false","","","",""\n`]);
    const { session, timing } = await openTokenSession();

    const pages = await collect(session.reader.readIncremental(backfill()));

    expect(pages.map((p) => p.records.map((r) => r.Id))).toEqual([['00T000000000001AAA']]);
    expect(timing.sleeps).toEqual([2000]);
    expect(session.calls()).toMatchObject({ query: 1, bulk: 4, other: 2 });
  });

  it('given more records than one window holds, then the range is halved by COUNT() and each window is its own sorted job', async () => {
    const counts = mockCount(4);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query((q) => String(q.q).startsWith('SELECT COUNT()'))
      .reply(200, { totalSize: 2, done: true, records: [] }, LIMIT_HEADER);
    mockDescribes();
    const row = (id: string, at: string): string => `"${id}","${at}","false","","","false","","","",""\n`;
    const left = mockJob('750R0000000zlh1IAA', [`${HEADER}\n${row('00T2', '2026-09-01T00:00:00.000Z')}${row('00T1', '2026-09-01T00:00:00.000Z')}`]);
    const right = mockJob('750R0000000zlh2IAA', [`${HEADER}\n${row('00T4', '2026-11-20T00:00:00.000Z')}${row('00T3', '2026-10-20T00:00:00.000Z')}`]);
    const { reader } = buildReader({ bulkWindowMaxRecords: 2, bulkPageSize: 1 });

    const pages = await collect(reader.readIncremental(backfill({ fields: ['OwnerId'] })));

    expect(counts).toHaveLength(1);
    expect(String(left.created[0]?.query)).toContain('WHERE SystemModstamp >= 2026-08-28T00:00:00Z AND SystemModstamp < 2026-10-12T00:00:00Z');
    expect(String(right.created[0]?.query)).toContain('WHERE SystemModstamp >= 2026-10-12T00:00:00Z AND SystemModstamp < 2026-11-26T00:00:01Z');
    expect(pages.map((p) => p.records.map((r) => r.Id))).toEqual([['00T1'], ['00T2'], ['00T3'], ['00T4']]);
    expect(pages.map((p) => p.last)).toEqual([false, false, false, true]);
  });

  it('given a backfill at or below bulkThreshold, then it counts and then reads through REST', async () => {
    mockCount(2);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query((q) => String(q.q).startsWith('SELECT Id,'))
      .reply(200, queryResult(taskRecords(2)), LIMIT_HEADER);
    const { reader, budget } = buildReader();

    const pages = await collect(reader.readIncremental(backfill()));

    expect(pages.map((p) => p.records.length)).toEqual([2]);
    expect(budget.calls().bulk).toBe(0);
  });

  it('given an incremental read (since set), then no COUNT() is spent', async () => {
    const counts = mockCount(10);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query((q) => String(q.q).startsWith('SELECT Id,'))
      .reply(200, queryResult([]), LIMIT_HEADER);
    const { reader } = buildReader();

    await collect(reader.readIncremental(backfill({ since: Date.UTC(2026, 10, 25) })));

    expect(counts).toEqual([]);
  });

  it('given a job that fails, then the read stops with SF_BULK_JOB_FAILED', async () => {
    mockCount(5);
    mockDescribes();
    nock(INSTANCE).post(`${API}/jobs/query`).reply(200, { id: JOB, state: 'UploadComplete' });
    nock(INSTANCE).get(`${API}/jobs/query/${JOB}`).reply(200, { id: JOB, state: 'Failed', errorMessage: 'INVALID_FIELD' });
    const { reader } = buildReader();

    await expect(collect(reader.readIncremental(backfill()))).rejects.toMatchObject({ code: 'SF_BULK_JOB_FAILED' });
  });

  it('given a job that never completes, then it aborts it and stops with SF_BULK_TIMEOUT (exit 75)', async () => {
    mockCount(5);
    mockDescribes();
    nock(INSTANCE).post(`${API}/jobs/query`).reply(200, { id: JOB, state: 'UploadComplete' });
    nock(INSTANCE).get(`${API}/jobs/query/${JOB}`).times(4).reply(200, { id: JOB, state: 'InProgress' });
    const abort = nock(INSTANCE).patch(`${API}/jobs/query/${JOB}`, { state: 'Aborted' }).reply(200, { id: JOB, state: 'Aborted' });
    const { reader } = buildReader({}, 10 * 60_000);

    await expect(collect(reader.readIncremental(backfill()))).rejects.toMatchObject({ code: 'SF_BULK_TIMEOUT', exitCode: 75 });
    expect(abort.isDone()).toBe(true);
  });
});
