import type { RunningSandbox } from '../../../src/sandbox/server';
import { loadTasks } from '../support/records';
import { api, soql, startTestSandbox } from '../support/sandbox-fixture';

interface Page {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Array<{ Id: string; SystemModstamp: string }>;
}

interface SubjectPage extends Omit<Page, 'records'> {
  records: Array<{ Id: string; Subject: string }>;
}

const SHARED_STAMP = '2026-10-01T00:00:00.000+0000';

/** Pages a query with plain HTTP, asking for `batchSize` on every request, as the connector does. */
async function pageAll(sandbox: RunningSandbox, firstPath: string, batchSize: number): Promise<Page[]> {
  const headers = { 'Sforce-Query-Options': `batchSize=${batchSize}` };
  const pages: Page[] = [(await (await api(sandbox, firstPath, { headers })).json()) as Page];
  for (let page = pages[0]; page && !page.done; page = pages[pages.length - 1]) {
    const next = await fetch(`${sandbox.url}${page.nextRecordsUrl ?? ''}`, {
      headers: { ...headers, authorization: `Bearer ${sandbox.accessToken}` },
    });
    pages.push((await next.json()) as Page);
  }
  return pages;
}

describe('paging through query locators', () => {
  let sandbox: RunningSandbox;
  let ids: string[];
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    // Rows 150–649 share one SystemModstamp, so it straddles the 200, 400 and 600 page boundaries.
    ids = loadTasks(sandbox, 10_000, (i) =>
      i >= 150 && i < 650
        ? SHARED_STAMP
        : new Date(Date.parse('2026-09-30T00:00:00Z') + (i < 150 ? i : i + 100_000) * 1000)
            .toISOString()
            .replace('Z', '+0000'),
    );
  });
  afterAll(() => sandbox.close());

  it('given 10,000 rows and batchSize=200 ordered by SystemModstamp, Id, then every row comes exactly once, in order', async () => {
    const pages = await pageAll(sandbox, soql('SELECT Id, SystemModstamp FROM Task ORDER BY SystemModstamp, Id'), 200);
    const seen = pages.flatMap((p) => p.records);
    expect(pages).toHaveLength(50);
    expect(pages.every((p) => p.records.length === 200 && p.totalSize === 10_000)).toBe(true);
    expect(seen.map((r) => r.Id)).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    const keys = seen.map((r) => `${r.SystemModstamp}|${r.Id}`);
    expect(keys).toEqual([...keys].sort());
    expect(seen.filter((r) => r.SystemModstamp === SHARED_STAMP)).toHaveLength(500);
  });

  it('given an incremental filter SystemModstamp >= the shared stamp, then the pages hold exactly the rows from there on', async () => {
    const where = `SystemModstamp >= ${SHARED_STAMP.replace('.000+0000', 'Z')}`;
    const pages = await pageAll(
      sandbox,
      soql(`SELECT Id, SystemModstamp FROM Task WHERE ${where} ORDER BY SystemModstamp, Id`),
      500,
    );
    const seen = pages.flatMap((p) => p.records.map((r) => r.Id));
    expect(seen).toHaveLength(9_850);
    expect(new Set(seen).size).toBe(9_850);
    expect(seen).toEqual(ids.slice(150));
  });

  it('given a row updated after the first page, then the cursor still serves each row once, as it was when opened', async () => {
    const touched = ids[9_999] ?? '';
    const pages = [
      (await (
        await api(sandbox, soql('SELECT Id, Subject FROM Task ORDER BY SystemModstamp, Id'))
      ).json()) as SubjectPage,
    ];
    sandbox.org.writer.update('Task', touched, { Subject: 'touched' }, sandbox.org.integrationUserId);
    for (let page = pages[0]; page && !page.done; page = pages[pages.length - 1]) {
      const next = await fetch(`${sandbox.url}${page.nextRecordsUrl ?? ''}`, {
        headers: { authorization: `Bearer ${sandbox.accessToken}` },
      });
      pages.push((await next.json()) as SubjectPage);
    }
    const rows = pages.flatMap((p) => p.records);
    expect(new Set(rows.map((r) => r.Id)).size).toBe(10_000);
    expect(rows.find((r) => r.Id === touched)?.Subject).toBe('Task 9999');
  });

  it('given a queryAll locator, then it is served under /query/ as jsforce asks for it', async () => {
    const first = (await (
      await api(sandbox, `/queryAll?q=${encodeURIComponent('SELECT Id FROM Task')}`)
    ).json()) as Page;
    const locator = (first.nextRecordsUrl ?? '').split('/').pop() ?? '';
    expect(locator).not.toContain('/');
    expect((await api(sandbox, `/query/${locator}`)).status).toBe(200);
  });

  it('given an unknown or expired locator, then 400 INVALID_QUERY_LOCATOR', async () => {
    const garbage = await api(sandbox, '/query/01gSB0000000000001-2000');
    expect([garbage.status, await garbage.json()]).toEqual([
      400,
      [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }],
    ]);
    const first = (await (await api(sandbox, soql('SELECT Id FROM Task'))).json()) as Page;
    // Cursors live two days; the session has timed out by then too, so a new one is needed.
    sandbox.clock.advance(2 * 24 * 60 * 60 * 1000 + 1);
    const token = await freshToken(sandbox);
    const expired = await fetch(`${sandbox.url}${first.nextRecordsUrl ?? ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(expired.status).toBe(400);
  });
});

/** A fresh session after the clock jumped past the session timeout. */
async function freshToken(sandbox: RunningSandbox): Promise<string | undefined> {
  const res = await fetch(`${sandbox.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
    }).toString(),
  });
  return ((await res.json()) as { access_token?: string }).access_token;
}
