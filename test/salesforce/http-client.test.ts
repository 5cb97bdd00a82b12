import nock from 'nock';
import { Connection } from '@jsforce/jsforce-node';
import { RETRY_MAX_ATTEMPTS } from '../../src/salesforce/retry';
import { API, INSTANCE, LIMIT_HEADER, TOKEN, failureOf, openTokenSession, queryResult, taskRecords } from './support';
import { useNock } from './use-nock';

useNock();

const SOQL = 'SELECT Id FROM Task';

function mockQuery(): nock.Interceptor {
  return nock(INSTANCE).get(`${API}/query`).query({ q: SOQL });
}

describe('retries, by HTTP status and errorCode', () => {
  it('given a burst of 503s, then the request is retried with full-jitter backoff until it passes', async () => {
    mockQuery()
      .times(3)
      .reply(503, [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server unavailable' }], LIMIT_HEADER);
    mockQuery().reply(200, queryResult(taskRecords(1)), LIMIT_HEADER);
    const { session, timing } = await openTokenSession();

    const records = await session.reader.queryAll(SOQL);

    expect(records).toHaveLength(1);
    // random() is 0.5: half of min(30 s, 500 ms × 2^(n−1)).
    expect(timing.sleeps).toEqual([250, 500, 1000]);
    // Four requests in all: jsforce added none of its own.
    expect(session.calls()).toMatchObject({ query: 4, total: 4 });
  });

  it('given 503s that do not stop, then it gives up after the attempt limit with SF_UNAVAILABLE (exit 75)', async () => {
    mockQuery().times(RETRY_MAX_ATTEMPTS).reply(503, 'Service Unavailable', { 'Content-Type': 'text/plain' });
    const { session } = await openTokenSession();

    const error = await failureOf(session.reader.queryAll(SOQL));

    expect(error).toMatchObject({ code: 'SF_UNAVAILABLE', exitCode: 75, retryable: true });
    expect(String(error.message)).toContain(`after ${RETRY_MAX_ATTEMPTS} attempts`);
    expect(session.calls().total).toBe(RETRY_MAX_ATTEMPTS);
  });

  it('given 429 with Retry-After, then the wait is at least what the server asked', async () => {
    mockQuery().reply(
      429,
      [
        {
          errorCode: 'REQUEST_LIMIT_EXCEEDED',
          message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.',
        },
      ],
      {
        'Retry-After': '3',
      },
    );
    mockQuery().reply(200, queryResult([]), LIMIT_HEADER);
    const { session, timing } = await openTokenSession();

    await session.reader.queryAll(SOQL);

    expect(timing.sleeps).toEqual([3000]);
  });

  it('given 420, then it is retried at most twice', async () => {
    mockQuery().times(3).reply(420, 'Enhance your calm', { 'Content-Type': 'text/plain' });
    const { session } = await openTokenSession();

    await expect(session.reader.queryAll(SOQL)).rejects.toMatchObject({ code: 'SF_UNAVAILABLE' });
    expect(session.calls().total).toBe(3);
  });

  it.each(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED'])(
    'given a socket error %s, then the request is retried',
    async (code) => {
      // nock 14 hangs on replyWithError({ code, message }); an Error instance works.
      mockQuery().replyWithError(Object.assign(new Error(`socket ${code}`), { code }));
      mockQuery().reply(200, queryResult(taskRecords(2)), LIMIT_HEADER);
      const { session, timing } = await openTokenSession();

      await expect(session.reader.queryAll(SOQL)).resolves.toHaveLength(2);
      expect(timing.sleeps).toHaveLength(1);
    },
  );

  it('given QUERY_TIMEOUT twice, then it is retried once only', async () => {
    mockQuery()
      .times(2)
      .reply(400, [{ errorCode: 'QUERY_TIMEOUT', message: 'Your query request was running for too long.' }]);
    const { session } = await openTokenSession();

    await expect(session.reader.queryAll(SOQL)).rejects.toMatchObject({ code: 'SF_UNAVAILABLE' });
    expect(session.calls().total).toBe(2);
  });

  it('given the concurrent-request limit, then it is retried (the one classification by message)', async () => {
    mockQuery().reply(403, [
      { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.' },
    ]);
    mockQuery().reply(200, queryResult([]), LIMIT_HEADER);
    const { session } = await openTokenSession();

    await expect(session.reader.queryAll(SOQL)).resolves.toEqual([]);
  });
});

describe('failures that stop the run', () => {
  it('given REQUEST_LIMIT_EXCEEDED TotalRequests, then it stops at once with SF_API_LIMIT (exit 75)', async () => {
    mockQuery().reply(403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]);
    const { session } = await openTokenSession();

    const error = await failureOf(session.reader.queryAll(SOQL));

    expect(error).toMatchObject({ code: 'SF_API_LIMIT', exitCode: 75, retryable: true });
    expect(String(error.message)).toContain('checkpoints are kept');
    expect(session.calls().total).toBe(1);
  });

  it('given INVALID_FIELD, then it is a config error (exit 2) pointing at validate --org, without retry', async () => {
    mockQuery().reply(400, [
      { errorCode: 'INVALID_FIELD', message: "No such column 'Appointment_Status__c' on entity 'Event'." },
    ]);
    const { session } = await openTokenSession();

    const error = await failureOf(session.reader.queryAll(SOQL));

    expect(error).toMatchObject({ code: 'SF_CONFIG_MISMATCH', exitCode: 2 });
    expect((error.actions as string[]).join(' ')).toContain('validate --org');
    expect(session.calls().total).toBe(1);
  });

  it('given INSUFFICIENT_ACCESS_OR_READONLY, then it names the permission set to assign (exit 1)', async () => {
    mockQuery().reply(403, [
      { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights on object id' },
    ]);
    const { session } = await openTokenSession();

    const error = await failureOf(session.reader.queryAll(SOQL));

    expect(error).toMatchObject({ code: 'SF_PERMISSION', exitCode: 1 });
    expect((error.actions as string[]).join(' ')).toContain('Execution_Coach_Integration');
  });

  it('given an API version the org does not serve, then preflight names salesforce.apiVersion (exit 2)', async () => {
    nock(INSTANCE)
      .get(API)
      .reply(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const { session } = await openTokenSession();

    const error = await failureOf(session.preflight());

    expect(error).toMatchObject({ code: 'SF_CONFIG_MISMATCH', exitCode: 2 });
    expect((error.actions as string[]).join(' ')).toContain('salesforce.apiVersion');
  });

  it('given usage above maxApiUsage before the run, then preflight refuses to start with SF_API_BUDGET', async () => {
    nock(INSTANCE)
      .get(API)
      .reply(200, { query: `${API}/query` }, { 'Sforce-Limit-Info': 'api-usage=9000/10000' });
    const { session } = await openTokenSession({ maxApiUsage: 0.8 });

    await expect(session.preflight()).rejects.toMatchObject({ code: 'SF_API_BUDGET', exitCode: 75 });
  });

  it('given usage below maxApiUsage, then preflight reports it', async () => {
    nock(INSTANCE)
      .get(API)
      .reply(200, { query: `${API}/query` }, { 'Sforce-Limit-Info': 'api-usage=5000/10000; api-bursts=1/750' });
    const { session } = await openTokenSession({ maxApiUsage: 0.8 });

    await expect(session.preflight()).resolves.toEqual({ used: 5000, limit: 10000 });
  });

  it('given a closed session, then nothing more is sent', async () => {
    const scope = mockQuery().reply(200, queryResult([]));
    const { session } = await openTokenSession();

    await session.close();

    await expect(session.reader.queryAll(SOQL)).rejects.toMatchObject({ code: 'SF_SESSION_CLOSED' });
    expect(scope.isDone()).toBe(false);
  });
});

/**
 * Documents what was read in @jsforce/jsforce-node 3.10.16 lib/request.js and connection.js;
 * minTimeout 1 keeps jsforce's own backoff short where it does retry.
 */
describe('jsforce behaviour the adapter relies on', () => {
  const connection = (): Connection => new Connection({ instanceUrl: INSTANCE, accessToken: TOKEN, version: '62.0' });

  it('given retry.maxRetries 0 alone, then jsforce still retries a 420 twice', async () => {
    const scope = mockQuery().times(3).reply(420, 'calm down', { 'Content-Type': 'text/plain' });

    await expect(
      connection().request(`${API}/query?q=${encodeURIComponent(SOQL)}`, { retry: { maxRetries: 0, minTimeout: 1 } }),
    ).rejects.toThrow();

    expect(scope.isDone()).toBe(true);
  });

  it('given retry.methods empty, then jsforce sends a failing request exactly once', async () => {
    mockQuery().reply(503, 'down', { 'Content-Type': 'text/plain' });
    const second = mockQuery().reply(200, queryResult([]));

    await expect(
      connection().request(`${API}/query?q=${encodeURIComponent(SOQL)}`, { retry: { maxRetries: 0, methods: [] } }),
    ).rejects.toThrow();

    expect(second.isDone()).toBe(false);
  });

  it('given conn.request(), then jsforce updates conn.limitInfo from Sforce-Limit-Info', async () => {
    mockQuery().reply(200, queryResult([]), { 'Sforce-Limit-Info': 'api-usage=321/15000' });
    const conn = connection();

    await conn.request(`${API}/query?q=${encodeURIComponent(SOQL)}`, { retry: { maxRetries: 0, methods: [] } });

    expect(conn.limitInfo).toEqual({ apiUsage: { used: 321, limit: 15000 } });
  });
});
