import { Connection } from '@jsforce/jsforce-node';
import type { FaultSettings } from '../../../src/sandbox/faults/fault-settings';
import type { RunningSandbox } from '../../../src/sandbox/server';
import { loadTasks } from '../support/records';
import { API_VERSION, admin, api, connect, soql, startTestSandbox } from '../support/sandbox-fixture';

/** Sets faults the way an operator or an e2e test does: through the admin endpoint. */
async function inject(sandbox: RunningSandbox, faults: Partial<FaultSettings>): Promise<void> {
  const res = await admin(sandbox, '/faults', { method: 'POST', body: JSON.stringify(faults) });
  expect(res.status).toBe(200);
}

/** A jsforce connection that re-authenticates with client credentials on 401. */
function refreshingConnection(sandbox: RunningSandbox, accessToken: string, refreshes: string[]): Connection {
  const conn = new Connection({
    instanceUrl: sandbox.url,
    version: API_VERSION,
    accessToken,
    oauth2: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, loginUrl: sandbox.url },
    refreshFn: (c, callback) => {
      c.oauth2.requestToken({ grant_type: 'client_credentials' }).then(
        (token) => callback(null, token.access_token, token),
        (error: Error) => callback(error),
      );
    },
  });
  conn.on('refresh', (token: string) => refreshes.push(token));
  return conn;
}

describe('faults, as a client sees them', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    loadTasks(sandbox, 3000);
  });
  // Expiring sessions is one of the faults, so every test starts with its own token.
  let token: string;
  beforeEach(() => {
    token = sandbox.sessions.issue(sandbox.org.integrationUserId).accessToken;
  });
  afterEach(async () => {
    await admin(sandbox, '/faults', { method: 'DELETE' });
  });
  afterAll(() => sandbox.close());

  it('given the session expires after 2 calls, then the third gets 401 and a refreshing client carries on', async () => {
    await inject(sandbox, { expireSessionAfterCalls: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(sandbox, '/limits', {}, token)).status);
    expect(statuses).toEqual([200, 200, 401]);

    const refreshes: string[] = [];
    const conn = refreshingConnection(
      sandbox,
      sandbox.sessions.issue(sandbox.org.integrationUserId).accessToken,
      refreshes,
    );
    await inject(sandbox, { expireSessionAfterCalls: 1 });
    await conn.query('SELECT Id FROM Task LIMIT 1');
    const afterExpiry = await conn.query<{ Id: string }>('SELECT Id FROM Task LIMIT 1');
    expect(afterExpiry.records).toHaveLength(1);
    expect(refreshes).toHaveLength(1);
  });

  it('given 503 for the next 2 requests, then raw HTTP sees SERVER_UNAVAILABLE and jsforce retries a GET through it', async () => {
    await inject(sandbox, { unavailableRequests: 2 });
    const res = await api(sandbox, '/limits', {}, token);
    expect([res.status, await res.json()]).toEqual([
      503,
      [{ message: 'Server temporarily unavailable, please try again later', errorCode: 'SERVER_UNAVAILABLE' }],
    ]);
    await inject(sandbox, { unavailableRequests: 2 });
    const result = await connect(sandbox, token).query('SELECT Id FROM Task LIMIT 5');
    expect(result.records).toHaveLength(5);
  });

  it('given 503 on a POST, then jsforce does not retry and the error surfaces', async () => {
    await inject(sandbox, { unavailableRequests: 1 });
    await expect(connect(sandbox, token).sobject('Lead').create({ LastName: 'x', Company: 'y' })).rejects.toMatchObject(
      { errorCode: 'SERVER_UNAVAILABLE' },
    );
  });

  it('given the daily limit is reached, then 403 REQUEST_LIMIT_EXCEEDED with the usage header', async () => {
    await inject(sandbox, { dailyApiLimit: sandbox.usage.used + 1 });
    expect((await api(sandbox, '/limits', {}, token)).status).toBe(200);
    const refused = await api(sandbox, '/limits', {}, token);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('sforce-limit-info')).toBe(`api-usage=${sandbox.usage.used}/${sandbox.usage.used}`);
    expect(await refused.json()).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
    await expect(connect(sandbox, token).query('SELECT Id FROM Task LIMIT 1')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
  });

  it('given a share of rows locked, then those collection items fail with UNABLE_TO_LOCK_ROW, the same ones for the same seed', async () => {
    const records = Array.from({ length: 40 }, (_, i) => ({ Subject: `locked? ${i}` }));
    const failedIndexes = async (): Promise<number[]> => {
      await inject(sandbox, { lockRowShare: 0.3, seed: 42 });
      const results = await connect(sandbox, token).sobject('Task').create(records, { allOrNone: false });
      const errors = results.map((r) =>
        r.success ? undefined : (r.errors[0] as unknown as { statusCode: string }).statusCode,
      );
      expect(errors.filter((e) => e !== undefined).every((e) => e === 'UNABLE_TO_LOCK_ROW')).toBe(true);
      return errors.flatMap((e, i) => (e ? [i] : []));
    };
    const first = await failedIndexes();
    expect(first.length).toBeGreaterThan(4);
    expect(first.length).toBeLessThan(24);
    expect(await failedIndexes()).toEqual(first);
  });

  it('given random page sizes, then pages vary between 200 and 2000 and still cover every row once', async () => {
    await inject(sandbox, { randomPageSizes: true, seed: 3 });
    const sizes: number[] = [];
    const ids = new Set<string>();
    let page = (await (await api(sandbox, soql('SELECT Id FROM Task'), {}, token)).json()) as {
      done: boolean;
      nextRecordsUrl?: string;
      records: Array<{ Id: string }>;
    };
    for (;;) {
      sizes.push(page.records.length);
      for (const r of page.records) ids.add(r.Id);
      if (page.done) break;
      page = (await (
        await fetch(`${sandbox.url}${page.nextRecordsUrl ?? ''}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as typeof page;
    }
    expect(ids.size).toBe(sandbox.store.counts().Task);
    expect(sizes.slice(0, -1).every((s) => s >= 200 && s <= 2000)).toBe(true);
    expect(new Set(sizes).size).toBeGreaterThan(1);
  });

  it('given repeated rows, then each page after the first starts with the row the page before ended with', async () => {
    await inject(sandbox, { repeatRowAcrossPages: true });
    const pages: string[][] = [];
    let page = (await (
      await api(
        sandbox,
        soql('SELECT Id FROM Task ORDER BY Id'),
        { headers: { 'Sforce-Query-Options': 'batchSize=1000' } },
        token,
      )
    ).json()) as { done: boolean; nextRecordsUrl?: string; records: Array<{ Id: string }> };
    for (;;) {
      pages.push(page.records.map((r) => r.Id));
      if (page.done) break;
      page = (await (
        await fetch(`${sandbox.url}${page.nextRecordsUrl ?? ''}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as typeof page;
    }
    const tasks = sandbox.store.counts().Task ?? 0;
    expect(pages.length).toBe(Math.ceil(tasks / 1000));
    expect(pages.length).toBeGreaterThan(1);
    for (let i = 1; i < pages.length; i++) expect(pages[i]?.[0]).toBe(pages[i - 1]?.at(-1));
    expect(new Set(pages.flat()).size).toBe(tasks);
    expect(pages.flat().length).toBe(tasks + pages.length - 1);
  });

  it('given a fixed latency, then each request takes at least that long', async () => {
    await inject(sandbox, { latencyMinMs: 120, latencyMaxMs: 120 });
    const started = performance.now();
    await api(sandbox, '/limits', {}, token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('given a stalled request with a stall time, then the connection is dropped without an answer', async () => {
    await inject(sandbox, { stallRequests: 1, stallMs: 50 });
    await expect(api(sandbox, '/limits', {}, token)).rejects.toThrow('fetch failed');
    expect((await api(sandbox, '/limits', {}, token)).status).toBe(200);
  });

  it('given a request stalled forever, then only the client timeout ends it, and clearing faults releases it', async () => {
    await inject(sandbox, { stallRequests: 1, stallMs: null });
    await expect(api(sandbox, '/limits', { signal: AbortSignal.timeout(150) }, token)).rejects.toThrow(
      /aborted|timeout/i,
    );
    const hanging = api(sandbox, '/limits', {}, token).then(
      () => 'answered',
      () => 'dropped',
    );
    expect(await hanging).toBe('answered');
  });
});
