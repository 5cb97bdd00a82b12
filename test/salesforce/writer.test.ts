import nock from 'nock';
import { KEY_QUERY_MAX_ENCODED_CHARS, LOCK_RETRY_ATTEMPTS } from '../../src/salesforce/writer';
import { API, INSTANCE, LIMIT_HEADER, failureOf, openTokenSession, queryResult, soqlOf } from './support';
import { useNock } from './use-nock';

useNock();

const UPSERT_PATH = `${API}/composite/sobjects/Coaching_Flag__c/Flag_Key__c`;

interface CollectionBody {
  allOrNone: boolean;
  records: Array<Record<string, unknown>>;
}

function flags(count: number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => ({
    Flag_Key__c: `v1:set_rate:005000000000001AAA:2026-11-${String((i % 28) + 1).padStart(2, '0')}:${i}`,
    Actual__c: i / 100,
  }));
}

function idFor(key: unknown): string {
  return `a01${String(key).length.toString().padStart(15, '0')}`;
}

/** An upsert endpoint that answers every item with success, unless `fail` says otherwise for its key. */
function upsertEndpoint(
  fail: (key: string, call: number) => Record<string, unknown> | null = () => null,
): CollectionBody[] {
  const bodies: CollectionBody[] = [];
  nock(INSTANCE)
    .patch(UPSERT_PATH)
    .times(50)
    .reply((_uri, body) => {
      const request = body as CollectionBody;
      bodies.push(request);
      const results = request.records.map((record) => {
        const key = String(record.Flag_Key__c);
        return fail(key, bodies.length) ?? { id: idFor(key), success: true, errors: [], created: true };
      });
      return [200, results, LIMIT_HEADER];
    });
  return bodies;
}

describe('writing through sObject Collections', () => {
  it('given 450 records, then it sends 3 calls of 200, 200 and 50 with allOrNone false and the sObject type', async () => {
    const bodies = upsertEndpoint();
    const { session } = await openTokenSession();

    const results = await session.writer.upsert('Coaching_Flag__c', 'Flag_Key__c', flags(450));

    expect(bodies.map((b) => b.records.length)).toEqual([200, 200, 50]);
    expect(bodies.every((b) => b.allOrNone === false)).toBe(true);
    expect(bodies[0]?.records[0]).toMatchObject({
      attributes: { type: 'Coaching_Flag__c' },
      Flag_Key__c: expect.any(String) as string,
    });
    expect(results).toHaveLength(450);
    expect(results.every((r) => r.ok && r.created === true)).toBe(true);
    expect(session.calls()).toMatchObject({ write: 3, total: 3 });
  });

  it('given row locks on some items, then only those items are sent again, after a backoff', async () => {
    const records = flags(5);
    const locked = new Set([String(records[1]?.Flag_Key__c), String(records[3]?.Flag_Key__c)]);
    const bodies = upsertEndpoint((key, call) =>
      call === 1 && locked.has(key)
        ? {
            success: false,
            errors: [
              {
                statusCode: 'UNABLE_TO_LOCK_ROW',
                message: 'unable to obtain exclusive access to this record',
                fields: [],
              },
            ],
          }
        : null,
    );
    const { session, timing } = await openTokenSession();

    const results = await session.writer.upsert('Coaching_Flag__c', 'Flag_Key__c', records);

    expect(bodies.map((b) => b.records.map((r) => r.Flag_Key__c))).toEqual([
      records.map((r) => r.Flag_Key__c),
      [...locked],
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.id)).toEqual(records.map((r) => idFor(r.Flag_Key__c)));
    expect(timing.sleeps).toHaveLength(1);
  });

  it('given a lock that does not clear, then the item is reported failed after the attempt limit', async () => {
    const bodies = upsertEndpoint(() => ({
      success: false,
      errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'locked' }],
    }));
    const { session } = await openTokenSession();

    const [result] = await session.writer.upsert('Coaching_Flag__c', 'Flag_Key__c', flags(1));

    expect(bodies).toHaveLength(LOCK_RETRY_ATTEMPTS);
    expect(result).toEqual({ ok: false, errorCode: 'UNABLE_TO_LOCK_ROW', message: 'locked' });
  });

  it('given mixed item results keyed statusCode and errorCode, then each is read in request order', async () => {
    nock(INSTANCE)
      .patch(UPSERT_PATH)
      .reply(200, [
        { id: 'a01000000000001AAA', success: true, errors: [], created: false },
        {
          success: false,
          errors: [
            {
              statusCode: 'REQUIRED_FIELD_MISSING',
              message: 'Required fields are missing: [Salesperson__c]',
              fields: ['Salesperson__c'],
            },
          ],
        },
        { success: false, errors: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found' }] },
        { id: 'a01000000000004AAA', success: true, errors: [], created: true },
      ]);
    const { session } = await openTokenSession();

    const results = await session.writer.upsert('Coaching_Flag__c', 'Flag_Key__c', flags(4));

    expect(results).toEqual([
      { ok: true, id: 'a01000000000001AAA', created: false },
      { ok: false, errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Salesperson__c]' },
      { ok: false, errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found' },
      { ok: true, id: 'a01000000000004AAA', created: true },
    ]);
  });

  it('given a whole-request INVALID_FIELD, then it is a config error (exit 2)', async () => {
    nock(INSTANCE)
      .patch(UPSERT_PATH)
      .reply(400, [
        { errorCode: 'INVALID_FIELD', message: 'No such column Flag_Key__c on sobject of type Coaching_Flag__c' },
      ]);
    const { session } = await openTokenSession();

    const error = await failureOf(session.writer.upsert('Coaching_Flag__c', 'Flag_Key__c', flags(3)));

    expect(error).toMatchObject({ code: 'SF_CONFIG_MISMATCH', exitCode: 2 });
  });

  it('given a 503 on a PATCH, then the call is retried (upserts and updates are idempotent)', async () => {
    nock(INSTANCE)
      .patch(UPSERT_PATH)
      .reply(503, [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }]);
    upsertEndpoint();
    const { session } = await openTokenSession();

    const results = await session.writer.upsert('Coaching_Flag__c', 'Flag_Key__c', flags(2));

    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('given updates by Id, then they go to /composite/sobjects with the type on every record', async () => {
    let sent: CollectionBody | undefined;
    nock(INSTANCE)
      .patch(`${API}/composite/sobjects`)
      .reply((_uri, body) => {
        sent = body as CollectionBody;
        return [200, [{ id: 'a01000000000001AAA', success: true, errors: [] }]];
      });
    const { session } = await openTokenSession();

    const results = await session.writer.update('Coaching_Flag__c', [
      { Id: 'a01000000000001AAA', Status__c: 'Improved' },
    ]);

    expect(sent).toEqual({
      allOrNone: false,
      records: [{ Id: 'a01000000000001AAA', Status__c: 'Improved', attributes: { type: 'Coaching_Flag__c' } }],
    });
    expect(results).toEqual([{ ok: true, id: 'a01000000000001AAA' }]);
  });

  it('given a result count that does not match the request, then it refuses to guess', async () => {
    nock(INSTANCE)
      .patch(UPSERT_PATH)
      .reply(200, [{ id: 'a01000000000001AAA', success: true, errors: [] }]);
    const { session } = await openTokenSession();

    await expect(session.writer.upsert('Coaching_Flag__c', 'Flag_Key__c', flags(2))).rejects.toMatchObject({
      code: 'SF_BAD_RESPONSE',
    });
  });

  it('given an object name that is not an API name, then nothing is sent', async () => {
    const { session } = await openTokenSession();

    await expect(session.writer.upsert('Coaching_Flag__c/../x', 'Flag_Key__c', flags(1))).rejects.toMatchObject({
      code: 'SOQL_INVALID_IDENTIFIER',
    });
    expect(session.calls().total).toBe(0);
  });
});

describe('reading records back by key', () => {
  it('given many long keys, then they are looked up in several queries whose URLs stay under the limit, each key once', async () => {
    const keys = Array.from(
      { length: 400 },
      (_, i) => `v1:stale_lead:00Q${String(i).padStart(15, '0')}:2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    );
    const asked: string[][] = [];
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .times(20)
      .reply((uri) => {
        const soql = soqlOf(uri);
        expect(encodeURIComponent(soql).length).toBeLessThanOrEqual(KEY_QUERY_MAX_ENCODED_CHARS);
        const inList = [...soql.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
        asked.push(inList);
        return [
          200,
          queryResult(
            inList.map((key, i) => ({
              attributes: { type: 'Task' },
              Id: `00T${String(i).padStart(15, '0')}`,
              Coaching_Key__c: key,
            })),
          ),
        ];
      });
    const { session } = await openTokenSession();

    const found = await session.writer.findByKeys('Task', 'Coaching_Key__c', [...keys, keys[0] ?? ''], ['Status']);

    expect(asked.length).toBeGreaterThan(1);
    expect(asked.flat().sort()).toEqual([...keys].sort());
    expect(found.map((r) => r.Coaching_Key__c).sort()).toEqual([...keys].sort());
  });

  it('given keys with quotes and backslashes, then the lookup SOQL escapes them', async () => {
    let soql = '';
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply((uri) => {
        soql = soqlOf(uri);
        return [200, queryResult([])];
      });
    const { session } = await openTokenSession();

    await session.writer.findByKeys('Task', 'Coaching_Key__c', ["v1:o'brien\\x"]);

    expect(soql).toBe("SELECT Id, Coaching_Key__c FROM Task WHERE Coaching_Key__c IN ('v1:o\\'brien\\\\x')");
  });
});
