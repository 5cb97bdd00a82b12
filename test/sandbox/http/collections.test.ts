import type { RunningSandbox } from '../../../src/sandbox/server';
import { api, soql, startTestSandbox } from '../support/sandbox-fixture';

interface ItemResult {
  id?: string;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

describe('sObject Collections over HTTP', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  const send = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const res = await api(sandbox, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: await res.json() };
  };
  const tasks = (n: number, extra: Record<string, unknown> = {}) =>
    Array.from({ length: n }, (_, i) => ({ attributes: { type: 'Task' }, Subject: `t${i}`, ...extra }));
  const subjectsCount = async (subject: string): Promise<number> =>
    (
      (await (await api(sandbox, soql(`SELECT COUNT() FROM Task WHERE Subject = '${subject}'`))).json()) as {
        totalSize: number;
      }
    ).totalSize;

  it('given 201 records, then the whole request is refused with EXCEEDED_ID_LIMIT', async () => {
    const res = await send('POST', '/composite/sobjects', { allOrNone: false, records: tasks(201) });
    expect(res).toEqual({
      status: 400,
      body: [
        {
          message: 'record limit reached. cannot submit more than 200 records into this call',
          errorCode: 'EXCEEDED_ID_LIMIT',
        },
      ],
    });
  });

  it('given allOrNone false and one bad record, then 200 with per-item results keyed statusCode', async () => {
    const res = await send('POST', '/composite/sobjects', {
      allOrNone: false,
      records: [
        { attributes: { type: 'Task' }, Subject: 'ok-partial' },
        { attributes: { type: 'Task' }, Subject: 'bad', WhoId: 'nope' },
      ],
    });
    const [good, bad] = res.body as ItemResult[];
    expect(res.status).toBe(200);
    expect(good).toEqual({ id: expect.stringMatching(/^00T/) as unknown, success: true, errors: [] });
    expect(bad).toEqual({
      success: false,
      errors: [{ statusCode: 'MALFORMED_ID', message: 'Name ID: id value of incorrect type: nope', fields: ['WhoId'] }],
    });
  });

  it('given allOrNone true and one bad record, then nothing is committed and the others report the rollback', async () => {
    const res = await send('POST', '/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Task' }, Subject: 'atomic' },
        { attributes: { type: 'Task' }, Subject: 'atomic', Status: 'Done-ish' },
      ],
    });
    const [rolledBack, bad] = res.body as ItemResult[];
    expect(rolledBack?.errors[0]?.statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(rolledBack?.success).toBe(false);
    expect(bad?.errors[0]?.statusCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(await subjectsCount('atomic')).toBe(0);
  });

  it('given updates with the lowercase id jsforce sends, then each record is updated', async () => {
    const created = (await send('POST', '/composite/sobjects', { records: tasks(2, { Subject: 'to-update' }) }))
      .body as ItemResult[];
    const res = await send('PATCH', '/composite/sobjects', {
      allOrNone: false,
      records: created.map((r) => ({ attributes: { type: 'Task' }, id: r.id, Status: 'Completed' })),
    });
    expect((res.body as ItemResult[]).map((r) => [r.id, r.success])).toEqual(created.map((r) => [r.id, true]));
  });

  it('given upserts by external id in a collection, then each item says whether it was created', async () => {
    const body = {
      allOrNone: false,
      records: [
        { attributes: { type: 'Task' }, Coaching_Key__c: 'v1:stale:00Q1:2026-11-20', Subject: 'Call Dana' },
        { attributes: { type: 'Task' }, Coaching_Key__c: 'v1:stale:00Q2:2026-11-20', Subject: 'Call Lee' },
      ],
    };
    const first = (await send('PATCH', '/composite/sobjects/Task/Coaching_Key__c', body)).body as ItemResult[];
    const second = (await send('PATCH', '/composite/sobjects/Task/Coaching_Key__c', body)).body as ItemResult[];
    expect(first.map((r) => r.created)).toEqual([true, true]);
    expect(second.map((r) => [r.created, r.id])).toEqual(first.map((r) => [false, r.id]));
  });

  it('given a delete by ids and a retrieve, then each answers per id in order', async () => {
    const created = (await send('POST', '/composite/sobjects', { records: tasks(2, { Subject: 'to-delete' }) }))
      .body as ItemResult[];
    const ids = created.map((r) => r.id ?? '');
    const retrieved = (await send('POST', '/composite/sobjects/Task', { ids, fields: ['Subject'] })).body as Array<{
      Subject: string;
    }>;
    expect(retrieved.map((r) => r.Subject)).toEqual(['to-delete', 'to-delete']);
    const deleted = (await send('DELETE', `/composite/sobjects?ids=${ids.join(',')},garbage&allOrNone=false`))
      .body as ItemResult[];
    expect(deleted.map((r) => [r.id, r.success])).toEqual([...ids.map((id) => [id, true]), ['garbage', false]]);
    expect(await subjectsCount('to-delete')).toBe(0);
  });
});
