import nock from 'nock';
import { Connection } from '@jsforce/jsforce-node';
import type { SfRecord } from '../../src/core/model';
import type { Checkpoint, IncrementalReadRequest, RecordPage } from '../../src/sync/ports';
import { ApiBudget } from '../../src/salesforce/api-budget';
import { BulkQueryClient } from '../../src/salesforce/bulk-query';
import { describeObject } from '../../src/salesforce/describe';
import { SalesforceHttp } from '../../src/salesforce/http-client';
import type { ReaderTuning } from '../../src/salesforce/reader';
import { BULK_RESULTS_MAX_RECORDS, SalesforceReader } from '../../src/salesforce/reader';
import { NO_RENEWAL } from '../../src/salesforce/session-renewal';
import {
  API,
  INSTANCE,
  LIMIT_HEADER,
  TOKEN,
  collect,
  failureOf,
  instantTiming,
  openTokenSession,
  queryResult,
  soqlOf,
  taskRecord,
  taskRecords,
} from './support';
import { useNock } from './use-nock';

useNock();

const JOB = '750R0000000zlh9IAA';
const WINDOW_JOBS = ['750R0000000zlh1IAA', '750R0000000zlh2IAA'] as const;
const LOOKBACK_MS = 600_000;
const FROM = Date.UTC(2026, 7, 28);
const UNTIL = Date.UTC(2026, 10, 26);

function backfill(overrides: Partial<IncrementalReadRequest> = {}): IncrementalReadRequest {
  return {
    object: 'Task',
    fields: [
      'OwnerId',
      'CallDurationInSeconds',
      'IsHighPriority',
      'CompletedDateTime',
      'Account.Name',
      'Account.NumberOfEmployees',
      'Who.Name',
    ],
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

function describeBody(
  name: string,
  fields: Array<[string, string, Record<string, unknown>?]>,
): Record<string, unknown> {
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
    .reply(
      200,
      describeBody('Account', [
        ['Name', 'string'],
        ['NumberOfEmployees', 'int'],
      ]),
      LIMIT_HEADER,
    );
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
function mockJob(
  jobId: string,
  pages: readonly string[],
  options: { limitHeader?: Record<string, string> } = {},
): { created: Array<Record<string, unknown>>; deleted: () => boolean } {
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
    nock(INSTANCE)
      .get(`${API}/jobs/query/${jobId}/results`)
      .query({ ...(i === 0 ? {} : { locator: `LOC${i}` }), maxRecords: String(BULK_RESULTS_MAX_RECORDS) })
      .reply(200, csv, {
        'Content-Type': 'text/csv',
        'Sforce-Locator': locator,
        'Sforce-NumberOfRecords': '1',
        ...(options.limitHeader ?? LIMIT_HEADER),
      });
  });
  const deletion = nock(INSTANCE).delete(`${API}/jobs/query/${jobId}`).reply(204);
  return { created, deleted: () => deletion.isDone() };
}

/** One CSV row of the narrow select (`fields: ['OwnerId']`). */
const NARROW_HEADER = '"Id","SystemModstamp","IsDeleted","OwnerId"\n';
function narrowRow(id: string, at: string, deleted = false): string {
  return `"${id}","${at}","${String(deleted)}",""\n`;
}

function checkpointOf(systemModstamp: string, id: string): Checkpoint {
  return { systemModstamp, id };
}

/**
 * The read phase's side of the contract, in small: records are kept by Id (a deleted one
 * removed), the checkpoint moves only with a page that names one, and never backwards.
 */
class ContractStore {
  readonly records = new Map<string, SfRecord>();
  checkpoint: Checkpoint | null = null;

  apply(page: RecordPage): void {
    for (const record of page.records) {
      if (record.IsDeleted === true) this.records.delete(String(record.Id));
      else this.records.set(String(record.Id), record);
    }
    const last = page.records.at(-1);
    const next =
      page.checkpoint !== undefined
        ? page.checkpoint
        : last === undefined
          ? null
          : checkpointOf(String(last.SystemModstamp), String(last.Id));
    if (next !== null && (this.checkpoint === null || next.systemModstamp > this.checkpoint.systemModstamp))
      this.checkpoint = next;
  }
}

describe('backfills through Bulk API 2.0', () => {
  it('given a backfill above bulkThreshold, then it runs one queryAll job, yields typed records as they arrive (the count expected on the first page), then the window’s checkpoint', async () => {
    const counts = mockCount(3);
    mockDescribes();
    const { created, deleted } = mockJob(JOB, [
      `${HEADER}\n"00T000000000003AAA","2026-11-02T10:00:00.000Z","false","005000000000001AAA","95","true","2026-11-02T09:58:00.000Z","Acme Motors","120","Dana Reyes"\n` +
        `"00T000000000001AAA","2026-11-01T10:00:00.000Z","true","005000000000002AAA","","false","","","",""\n`,
      `${HEADER}\n"00T000000000002AAA","2026-11-01T10:00:00.000Z","false","005000000000001AAA","12","false","2026-11-01T09:00:00.000Z","Quote ""Q"", Inc","","Sam, Jr."\n`,
    ]);
    const { reader, budget, timing } = buildReader();

    const pages = await collect(reader.readIncremental(backfill()));

    expect(counts).toEqual([
      'SELECT COUNT() FROM Task WHERE SystemModstamp >= 2026-08-28T00:00:00Z AND SystemModstamp < 2026-11-26T00:00:01Z',
    ]);
    expect(created[0]).toMatchObject({ operation: 'queryAll', contentType: 'CSV' });
    expect(String(created[0]?.query)).not.toContain('ORDER BY');
    expect(
      pages.map((p) => ({
        ids: p.records.map((r) => r.Id),
        last: p.last,
        checkpoint: p.checkpoint,
        expected: p.expected,
      })),
    ).toEqual([
      { ids: ['00T000000000003AAA', '00T000000000001AAA'], last: false, checkpoint: null, expected: 3 },
      { ids: ['00T000000000002AAA'], last: false, checkpoint: null, expected: undefined },
      {
        ids: [],
        last: true,
        checkpoint: checkpointOf('2026-11-02T10:00:00.000+0000', '00T000000000003AAA'),
        expected: undefined,
      },
    ]);
    expect(pages.flatMap((p) => p.records)).toEqual([
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
    ]);
    expect(timing.sleeps).toEqual([2000]);
    // COUNT, two describes, job create, two polls, two result pages: every one counted.
    expect(budget.calls()).toEqual({ query: 1, queryMore: 0, bulk: 5, write: 0, other: 2, total: 8 });
    // A job read to the end is left to expire: deleting it would cost a call for nothing.
    expect(deleted()).toBe(false);
  });

  it('given a session, then its reader is wired to Bulk with the session timers and counts', async () => {
    mockCount(3);
    mockDescribes();
    mockJob(JOB, [`${HEADER}\n"00T000000000001AAA","2026-11-01T10:00:00.000Z","false","","","false","","","",""\n`]);
    const { session, timing } = await openTokenSession();

    const pages = await collect(session.reader.readIncremental(backfill()));

    expect(pages.map((p) => p.records.map((r) => r.Id))).toEqual([['00T000000000001AAA'], []]);
    expect(timing.sleeps).toEqual([2000]);
    expect(session.calls()).toMatchObject({ query: 1, bulk: 4, other: 2 });
  });

  it('given more records than one window holds, then the range is halved by COUNT() and each window ends with its highest (SystemModstamp, Id)', async () => {
    const counts = mockCount(4);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query((q) => String(q.q).startsWith('SELECT COUNT()'))
      .reply(200, { totalSize: 2, done: true, records: [] }, LIMIT_HEADER);
    mockDescribes();
    const left = mockJob(WINDOW_JOBS[0], [
      `${NARROW_HEADER}${narrowRow('00T2', '2026-09-01T00:00:00.000Z')}${narrowRow('00T1', '2026-09-01T00:00:00.000Z')}`,
    ]);
    const right = mockJob(WINDOW_JOBS[1], [
      `${NARROW_HEADER}${narrowRow('00T4', '2026-11-20T00:00:00.000Z')}${narrowRow('00T3', '2026-10-20T00:00:00.000Z')}`,
    ]);
    const { reader } = buildReader({ bulkWindowMaxRecords: 2, bulkPageSize: 1 });

    const pages = await collect(reader.readIncremental(backfill({ fields: ['OwnerId'] })));

    expect(counts).toHaveLength(1);
    expect(String(left.created[0]?.query)).toContain(
      'WHERE SystemModstamp >= 2026-08-28T00:00:00Z AND SystemModstamp < 2026-10-12T00:00:00Z',
    );
    expect(String(right.created[0]?.query)).toContain(
      'WHERE SystemModstamp >= 2026-10-12T00:00:00Z AND SystemModstamp < 2026-11-26T00:00:01Z',
    );
    expect(pages.map((p) => ({ ids: p.records.map((r) => r.Id), last: p.last, checkpoint: p.checkpoint }))).toEqual([
      { ids: ['00T2'], last: false, checkpoint: null },
      { ids: ['00T1'], last: false, checkpoint: null },
      // The same second: Id breaks the tie, as the store compares checkpoints.
      { ids: [], last: false, checkpoint: checkpointOf('2026-09-01T00:00:00.000+0000', '00T2') },
      { ids: ['00T4'], last: false, checkpoint: null },
      { ids: ['00T3'], last: false, checkpoint: null },
      { ids: [], last: true, checkpoint: checkpointOf('2026-11-20T00:00:00.000+0000', '00T4') },
    ]);
  });

  it('given a window whose job finds nothing, then its end keeps the checkpoint the earlier windows reached', async () => {
    mockCount(3);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query((q) => String(q.q).startsWith('SELECT COUNT()'))
      .reply(200, { totalSize: 2, done: true, records: [] }, LIMIT_HEADER);
    mockDescribes();
    mockJob(WINDOW_JOBS[0], [
      `${NARROW_HEADER}${narrowRow('00T1', '2026-09-01T00:00:00.000Z')}${narrowRow('00T2', '2026-09-02T00:00:00.000Z', true)}`,
    ]);
    mockJob(WINDOW_JOBS[1], [NARROW_HEADER]);
    const { reader } = buildReader({ bulkWindowMaxRecords: 2 });

    const pages = await collect(reader.readIncremental(backfill({ fields: ['OwnerId'] })));

    expect(pages.filter((p) => p.checkpoint !== null).map((p) => [p.checkpoint, p.last])).toEqual([
      [checkpointOf('2026-09-02T00:00:00.000+0000', '00T2'), false],
      [checkpointOf('2026-09-02T00:00:00.000+0000', '00T2'), true],
    ]);
  });

  it('given a window whose highest SystemModstamp names no real time, then SF_BAD_DATETIME', async () => {
    mockCount(3);
    mockDescribes();
    const rows = narrowRow('00T1', '2026-09-01T00:00:00.000Z') + narrowRow('00T2', '2026-09-01T99:00:00.000Z');
    mockJob(JOB, [`${NARROW_HEADER}${rows}`]);
    const { reader } = buildReader();

    const error = await failureOf(collect(reader.readIncremental(backfill({ fields: ['OwnerId'] }))));

    expect(error).toMatchObject({ code: 'SF_BAD_DATETIME' });
  });

  it('given a run stopped inside the second window, when the next run reads from its checkpoint, then the second window is read again and nothing is missed', async () => {
    mockCount(4);
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query((q) => String(q.q).startsWith('SELECT COUNT()'))
      .reply(200, { totalSize: 2, done: true, records: [] }, LIMIT_HEADER);
    mockDescribes();
    const secondWindow = [narrowRow('00T4', '2026-11-20T00:00:00.000Z'), narrowRow('00T3', '2026-10-12T00:00:00.000Z')];
    mockJob(WINDOW_JOBS[0], [
      `${NARROW_HEADER}${narrowRow('00T1', '2026-09-01T00:00:00.000Z')}${narrowRow('00T2', '2026-10-11T23:59:59.999Z')}`,
    ]);
    const stopped = mockJob(WINDOW_JOBS[1], [`${NARROW_HEADER}${secondWindow.join('')}`]);
    const { reader } = buildReader({ bulkWindowMaxRecords: 2, bulkPageSize: 1 });
    const store = new ContractStore();

    // The run dies after storing the first page of the second window (the consumer stops).
    for await (const page of reader.readIncremental(backfill({ fields: ['OwnerId'] }))) {
      store.apply(page);
      if (store.records.has('00T4')) break;
    }
    const afterCrash = store.checkpoint;
    let nextSoql = '';
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query((q) => String(q.q).startsWith('SELECT Id,'))
      .reply((uri) => {
        nextSoql = soqlOf(uri);
        const rest = [
          taskRecord('00T3', '2026-10-12T00:00:00.000+0000'),
          taskRecord('00T4', '2026-11-20T00:00:00.000+0000'),
        ];
        return [200, queryResult(rest), LIMIT_HEADER];
      });
    const since = Date.parse((afterCrash?.systemModstamp ?? '').replace('+0000', 'Z')) - LOOKBACK_MS;
    for await (const page of reader.readIncremental(backfill({ fields: ['OwnerId'], since }))) store.apply(page);

    // The first window's end moved the checkpoint; the unfinished second window did not.
    expect(afterCrash).toEqual(checkpointOf('2026-10-11T23:59:59.999+0000', '00T2'));
    // The abandoned job is deleted, not left running for a read given up.
    expect(stopped.deleted()).toBe(true);
    expect(nextSoql).toContain('WHERE SystemModstamp >= 2026-10-11T23:49:59Z');
    expect([...store.records.keys()].sort()).toEqual(['00T1', '00T2', '00T3', '00T4']);
    expect(store.checkpoint).toEqual(checkpointOf('2026-11-20T00:00:00.000+0000', '00T4'));
  });

  it('given the API budget is spent while a job’s pages are read, then the read stops before the next page and the job is deleted', async () => {
    mockCount(5);
    mockDescribes();
    const job = mockJob(
      JOB,
      [
        `${NARROW_HEADER}${narrowRow('00T1', '2026-09-01T00:00:00.000Z')}`,
        `${NARROW_HEADER}${narrowRow('00T2', '2026-09-02T00:00:00.000Z')}`,
      ],
      {
        limitHeader: { 'Sforce-Limit-Info': 'api-usage=14000/15000' },
      },
    );
    const { reader } = buildReader();
    const seen: string[] = [];

    const failure = await failureOf(
      (async () => {
        for await (const page of reader.readIncremental(backfill({ fields: ['OwnerId'] })))
          seen.push(...page.records.map((r) => String(r.Id)));
      })(),
    );

    expect(failure).toMatchObject({ code: 'SF_API_BUDGET', exitCode: 75 });
    expect(seen).toEqual(['00T1']);
    expect(job.deleted()).toBe(true);
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
    nock(INSTANCE)
      .get(`${API}/jobs/query/${JOB}`)
      .reply(200, { id: JOB, state: 'Failed', errorMessage: 'INVALID_FIELD' });
    const deletion = nock(INSTANCE).delete(`${API}/jobs/query/${JOB}`).reply(204);
    const { reader } = buildReader();

    await expect(collect(reader.readIncremental(backfill()))).rejects.toMatchObject({ code: 'SF_BULK_JOB_FAILED' });
    expect(deletion.isDone()).toBe(true);
  });

  it('given a job that never completes, then it aborts and deletes it and stops with SF_BULK_TIMEOUT (exit 75)', async () => {
    mockCount(5);
    mockDescribes();
    nock(INSTANCE).post(`${API}/jobs/query`).reply(200, { id: JOB, state: 'UploadComplete' });
    nock(INSTANCE).get(`${API}/jobs/query/${JOB}`).times(4).reply(200, { id: JOB, state: 'InProgress' });
    const abort = nock(INSTANCE)
      .patch(`${API}/jobs/query/${JOB}`, { state: 'Aborted' })
      .reply(200, { id: JOB, state: 'Aborted' });
    const deletion = nock(INSTANCE).delete(`${API}/jobs/query/${JOB}`).reply(204);
    const { reader } = buildReader({}, 10 * 60_000);

    await expect(collect(reader.readIncremental(backfill()))).rejects.toMatchObject({
      code: 'SF_BULK_TIMEOUT',
      exitCode: 75,
    });
    expect(abort.isDone()).toBe(true);
    expect(deletion.isDone()).toBe(true);
  });
});
